import './public.css';
import { renderList, renderLists } from './lists';
import { renderLookup } from './lookup';
import { switchLang, tr, currentLang } from './text';

/**
 * The citizen's pages (/tra-cuu, /cong-khai): their own entry, a few kB of script and no UI
 * framework, so they load fast on a cheap phone over a slow connection (docs/architecture.md).
 */
function start(): void {
  document.documentElement.lang = currentLang();
  const main = document.getElementById('main')!;
  const path = window.location.pathname.replace(/\/+$/, '');
  const lang = document.getElementById('lang')!;
  lang.textContent = tr('otherLang');
  lang.addEventListener('click', switchLang);
  const skip = document.querySelector<HTMLAnchorElement>('a.skip');
  if (skip) skip.textContent = tr('skip');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const section = a.dataset.nav!;
    a.textContent = tr(section === 'tra-cuu' ? 'navLookup' : 'navLists');
    if (path.startsWith(`/${section}`)) a.setAttribute('aria-current', 'page');
  }
  const listId = /^\/cong-khai\/(\d+)$/.exec(path)?.[1];
  if (listId) renderList(main, Number(listId));
  else if (path.startsWith('/cong-khai')) renderLists(main);
  else renderLookup(main);
}

start();
