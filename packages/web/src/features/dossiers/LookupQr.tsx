import { useMemo } from 'react';
import { renderSVG } from 'uqr';

/**
 * The lookup address printed on the receipt, in full and as a QR code a phone camera opens
 * (the citizen's lookup page with the dossier code filled in, issue 18).
 */
export function LookupQr({ code }: { code: string }) {
  const url = `${window.location.origin}/tra-cuu?ma=${encodeURIComponent(code)}`;
  // The SVG is made here from our own URL; nothing typed by a user goes into it unescaped.
  const svg = useMemo(() => renderSVG(url, { ecc: 'M', border: 1 }), [url]);
  return (
    <div className="lookup-qr" data-testid="slip-lookup-qr" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <style>{'.lookup-qr svg { display: block; width: 100%; height: 100%; }'}</style>
      <div style={{ width: '22mm', height: '22mm', flex: 'none' }} dangerouslySetInnerHTML={{ __html: svg }} />
      <div style={{ fontSize: '9.5pt', wordBreak: 'break-all' }} data-testid="slip-lookup-url">
        {url}
      </div>
    </div>
  );
}
