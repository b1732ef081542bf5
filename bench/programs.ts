/** Benchmarks of the programs module (figures as ratios against a baseline in the same run). */
export async function programsBench(): Promise<void> {}
