/** Benchmarks of the dossiers module (figures as ratios against a baseline in the same run). */
export async function dossiersBench(): Promise<void> {}
