/**
 * Wait until `check` holds, asking every `everyMs`, for at most `timeoutMs` by the clock (never a
 * count of polls: a busy machine stretches each one). Throws "not within N ms" otherwise.
 */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, everyMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
