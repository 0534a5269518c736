// Sample data: deterministic, realistic customers, orders, interactions and satisfaction surveys. A build-time
// library (assets, the template, benchmarks, tests), not part of the core: it imports the core, never the reverse.
export {
  CUSTOMER_COLUMNS,
  LARGE_SAMPLE,
  MESSY_RATES,
  SAMPLE_HEADERS,
  SIZE_SPEND,
  SPEND_SIGMA,
  generateSample,
  sampleChoices,
  sampleStreams,
  type SampleOptions,
  type SampleStreams,
  type SampleTableKey,
  type SampleTables,
} from './generate.ts';
export { MONTH_WEIGHTS, chineseNewYear } from './calendar.ts';
