import { Button } from 'antd';
import { useLang, useT } from './i18n';

/**
 * Toggles vi/en; shows the name of the language it switches to, in that language (marked with its
 * `lang`); the tooltip says it in the current language.
 */
export function LangSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  const target = lang === 'vi' ? 'en' : 'vi';
  const name = t(target === 'en' ? 'lang.en' : 'lang.vi');
  return (
    <Button
      size="small"
      data-testid="lang-switch"
      title={t(target === 'en' ? 'lang.switchToEn' : 'lang.switchToVi')}
      onClick={() => setLang(target)}
    >
      <span lang={target}>{name}</span>
    </Button>
  );
}
