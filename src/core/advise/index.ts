// 建议门槛: the threshold advisor.
export { adviseThresholds, proposalText, withBands, type Advice, type AdviceReason, type AdviseOptions, type Proposal, type ShareBand } from './advise.ts';
export { gridsFor } from './nice.ts';
