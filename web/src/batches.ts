/** The seven batches of Pilot FTZs and the colour each one has on maps, legends and cards. */

export const BATCH_YEARS = [2013, 2015, 2017, 2018, 2019, 2020, 2023] as const;

// Qualitative colours picked to stay distinct from the blue choropleth underneath the markers.
const COLOURS: Readonly<Record<number, string>> = {
  2013: '#d1352b',
  2015: '#f08a24',
  2017: '#c9a100',
  2018: '#1a9e77',
  2019: '#7b4fc4',
  2020: '#d4458f',
  2023: '#6b4a2b',
};

export function batchColour(year: number): string {
  return COLOURS[year] ?? '#555555';
}

/** 1-based batch number of a batch year, for zones whose `batch` field is not verified. */
export function batchNumber(year: number): number | null {
  const i = (BATCH_YEARS as readonly number[]).indexOf(year);
  return i < 0 ? null : i + 1;
}
