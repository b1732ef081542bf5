import type { FormRule as Rule } from 'antd';
import type { z } from 'zod';

/**
 * An antd form rule that checks a value with a contract schema from @ansinh/domain, so the
 * browser gives the same (Vietnamese) message the server would, before the request is sent.
 */
export function zodRule(schema: z.ZodType, opts: { optional?: boolean } = {}): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (opts.optional && (value === undefined || value === null || value === '')) return;
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
    },
  };
}
