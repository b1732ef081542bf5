import { Button } from 'antd';
import { useLang, useT } from './i18n';

/** Toggles vi/en; shows the name of the language it switches to, in that language. */
export function LangSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  const target = lang === 'vi' ? 'en' : 'vi';
  const name = t(target === 'en' ? 'lang.en' : 'lang.vi');
  return (
    <Button size="small" data-testid="lang-switch" title={t('lang.switchTo', { name })} onClick={() => setLang(target)}>
      <span lang={target}>{name}</span>
    </Button>
  );
}
