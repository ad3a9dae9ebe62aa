import { memo } from 'react';
import { SETTINGS_SCHEMA, type Settings } from '../state/settingsSchema.ts';
import { useTranslation } from 'react-i18next';
import { ShareButton } from './embed/ShareDialog.tsx';

/** The page's title and tagline, and the Share / embed dialog (not shown in an embed). */
function PageHeaderView({
  settings,
  update,
}: {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="top">
      <div className="brand">
        <h1>KD Playground</h1>
        <p className="tagline">{t('header.tagline')}</p>
      </div>
      <div className="top-actions">
        <label className="theme-choice small">
          {t('header.language')}{' '}
          <select
            value={settings.lang}
            onChange={(e) => update({ lang: e.target.value as Settings['lang'] })}
          >
            {SETTINGS_SCHEMA.lang.options.map((l) => (
              <option key={l} value={l}>
                {t(`header.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="theme-choice small">
          {t('header.theme')}{' '}
          <select
            value={settings.theme}
            onChange={(e) => update({ theme: e.target.value as Settings['theme'] })}
          >
            {SETTINGS_SCHEMA.theme.options.map((th) => (
              <option key={th} value={th}>
                {t(`header.themes.${th}`)}
              </option>
            ))}
          </select>
        </label>
        <ShareButton settings={settings} />
      </div>
    </header>
  );
}

export const PageHeader = memo(PageHeaderView);
