import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's routes, read from the router's source (`packages/web/src/app/router.tsx`) and the
 * features' own route files (`<X>Routes.tsx`, mounted at `path/*`). Each route comes with the
 * abilities its guards ask for (`only('x', …)`, `<RequireAbility ability="x">`), so a walk can pick
 * an account that may open it. Parameters stay as `:id`; the walk fills them from links it met.
 */
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/web/src');

export interface AppRoute {
  /** `/registry/persons/:id` */
  pattern: string;
  abilities: string[];
}

interface Obj {
  path?: string;
  index?: boolean;
  ability?: string;
  element?: string;
  children: Obj[];
}

/** A small scanner of the `routes` object literal: nesting by braces, `path:`, `index: true`, `only('x'`. */
export function parseObjects(src: string): Obj[] {
  src = src.replace(/^\s*\/\/.*$/gm, '');
  const start = src.indexOf('export const routes');
  const body = src.slice(src.indexOf('= [', start) + 2);
  const root: Obj = { children: [] };
  const stack: Obj[] = [root];
  let i = 0;
  let depth = 0; // brackets
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    } else if (c === '{') {
      // A JSX expression `{...}` inside an element is a brace too; only object literals open with `{ ` and a key.
      const ahead = body.slice(i + 1, i + 40);
      if (/^\s*(path|index|element|errorElement|children)\s*:/.test(ahead)) {
        const o: Obj = { children: [] };
        stack[stack.length - 1]!.children.push(o);
        stack.push(o);
      } else stack.push({ children: [], element: '#expr' });
    } else if (c === '}') {
      stack.pop();
    } else {
      const top = stack[stack.length - 1]!;
      const rest = body.slice(i, i + 120);
      let m = /^path: '([^']*)'/.exec(rest);
      if (m && !top.element?.startsWith('#')) top.path = m[1];
      if (/^index: true/.test(rest)) top.index = true;
      m = /^only\('([^']+)'/.exec(rest);
      if (m) {
        // The nearest object literal owns it.
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k]!.element !== '#expr') {
            stack[k]!.ability = m[1];
            break;
          }
        }
      }
      m = /^element: (?:only\('[^']+', )?<(\w+)/.exec(rest);
      if (m && top.element !== '#expr') top.element = m[1];
    }
  }
  return root.children;
}

function join(a: string, b: string): string {
  const s = `${a.replace(/\/$/, '')}/${b.replace(/^\//, '')}`;
  return s === '' ? '/' : s.replace(/\/$/, '') || '/';
}

/** `<Route path="x">` / `<Route index>` of a feature's route file, with their RequireAbility guards. */
function featureRoutes(file: string): { path: string; ability?: string }[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: { path: string; ability?: string }[] = [];
  const re = /<Route\b([^>]*?)(?:\/>|>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const attrs = m[1]!;
    const p = /path="([^"]+)"/.exec(attrs)?.[1] ?? (/\bindex\b/.test(attrs) ? '' : undefined);
    if (p === undefined || p === '*') continue;
    // A guard written inside the element, before the next <Route.
    const next = src.indexOf('<Route', m.index + 1);
    const chunk = src.slice(m.index, next === -1 ? undefined : next);
    const ability = /<RequireAbility ability="([^"]+)"/.exec(chunk)?.[1];
    out.push({ path: p, ability });
  }
  return out;
}

export function appRoutes(): AppRoute[] {
  const routerFile = path.join(web, 'app/router.tsx');
  const src = fs.readFileSync(routerFile, 'utf8');
  // const ProgramsRoutes = lazy(() => import('../features/programs/ProgramsRoutes'));
  const lazyFiles = new Map<string, string>();
  for (const m of src.matchAll(/const (\w+) = lazy\(\(\) => import\('([^']+)'\)\)/g)) {
    lazyFiles.set(m[1]!, path.resolve(path.dirname(routerFile), `${m[2]}.tsx`));
  }
  const out: AppRoute[] = [];
  const walk = (objs: Obj[], prefix: string, abilities: string[]) => {
    for (const o of objs) {
      const here = o.path !== undefined ? join(prefix, o.path.startsWith('/') ? o.path : o.path) : prefix;
      const abs = o.ability ? [...abilities, o.ability] : abilities;
      if (o.path?.endsWith('/*')) {
        const base = here.slice(0, -2);
        const file = o.element ? lazyFiles.get(o.element) : undefined;
        if (file && fs.existsSync(file)) {
          for (const r of featureRoutes(file)) {
            out.push({ pattern: join(base, r.path) || '/', abilities: r.ability ? [...abs, r.ability] : abs });
          }
        }
        continue;
      }
      if (o.children.length) walk(o.children, here, abs);
      if ((o.index || (o.path !== undefined && o.path !== '*')) && o.element !== 'Outlet') {
        out.push({ pattern: here || '/', abilities: abs });
      }
    }
  };
  walk(parseObjects(src), '', []);
  const seen = new Set<string>();
  return out.filter((r) => (seen.has(r.pattern) ? false : (seen.add(r.pattern), true)));
}
