import type { Settings } from '../state/settingsSchema.ts';
import { ShareButton } from './embed/ShareDialog.tsx';

/** The page's title and tagline, and the Share / embed dialog (not shown in an embed). */
export function PageHeader({ settings }: { settings: Settings }) {
  return (
    <header className="top">
      <div className="brand">
        <h1>KD Playground</h1>
        <p className="tagline">
          Knowledge distillation on real MNIST, trained live in your browser: a small student learns
          from a big teacher&apos;s soft targets, beside a twin that sees only hard labels.
        </p>
      </div>
      <div className="top-actions">
        <ShareButton settings={settings} />
      </div>
    </header>
  );
}
