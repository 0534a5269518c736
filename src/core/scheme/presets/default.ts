// The preset every host starts from when the workbook has no rules sheet and none is chosen: the run, the
// CLI (grade, handbook, demo) and the task pane. Its own small file so that the pane can name it without
// loading the presets.
export const DEFAULT_PRESET_ID = 'b2b-value';
