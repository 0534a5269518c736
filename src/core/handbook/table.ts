// One table of the handbook (its own file so that sections built elsewhere, such as the service cost, can name it).
export interface HandbookTable {
  /** A heading above a table that is not the first of its section. */
  caption?: string;
  notes: string[];
  header: string[];
  rows: string[][];
  /** Tier colours for rows that are tiers (the sheet shows them; Markdown has no colour). */
  fills?: (string | null)[];
}
