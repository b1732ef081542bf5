/** Benchmarks of the reports module (figures as ratios against a baseline in the same run). */
export async function reportsBench(): Promise<void> {}
