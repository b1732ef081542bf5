import { Link } from 'react-router';
import { useFormatQuantity } from '../../kernel/i18n';

/**
 * Small SVG charts of our own (no chart library): bars for areas side by side, a line for a
 * month-by-month trend. Every bar and point links to the records behind its figure.
 */
export interface Bar {
  key: string;
  label: string;
  value: number | null;
  target: number | null;
  href: string;
}

const shortName = (s: string) => s.replace(/^(Thành phố|Thị xã|Huyện|Phường|Xã|Thị trấn) /, '');

export function AreaBars({ bars, title, testId }: { bars: Bar[]; title: string; testId: string }) {
  const formatQuantity = useFormatQuantity();
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value ?? 0, b.target ?? 0)));
  const rowH = 26;
  const labelW = 120;
  const width = 520;
  const barW = width - labelW - 90;
  return (
    <svg
      role="group"
      data-i18n-skip=""
      aria-label={title}
      data-testid={testId}
      viewBox={`0 0 ${width} ${bars.length * rowH + 8}`}
      width="100%"
      style={{ maxWidth: width }}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * rowH + 4;
        const w = b.value === null ? 0 : Math.max(1, (b.value / max) * barW);
        const tx = b.target === null ? null : labelW + (b.target / max) * barW;
        return (
          <g key={b.key}>
            <text x={labelW - 6} y={y + 15} textAnchor="end" fontSize="12" fill="#333" data-i18n-skip="">
              {shortName(b.label)}
            </text>
            <Link
              to={b.href}
              aria-label={`${b.label}: ${b.value === null ? '—' : formatQuantity(b.value)}`}
              data-testid={`${testId}-bar-${b.key}`}
            >
              <rect x={labelW} y={y} width={w} height={rowH - 8} fill="#1677ff" rx="2" />
              <text x={labelW + w + 4} y={y + 14} fontSize="12" fill="#333">
                {b.value === null ? '—' : formatQuantity(b.value)}
              </text>
            </Link>
            {tx !== null && <line x1={tx} x2={tx} y1={y - 2} y2={y + rowH - 6} stroke="#cf1322" strokeWidth="2" />}
          </g>
        );
      })}
    </svg>
  );
}

export interface Point {
  label: string;
  value: number;
  href: string;
}

export function TrendLine({ points, title, testId }: { points: Point[]; title: string; testId: string }) {
  const formatQuantity = useFormatQuantity();
  const width = 520;
  const height = 180;
  const pad = { l: 50, r: 10, t: 10, b: 24 };
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => pad.l + (points.length <= 1 ? 0 : (i * (width - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => pad.t + (1 - v / max) * (height - pad.t - pad.b);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg
      role="group"
      data-i18n-skip=""
      aria-label={title}
      data-testid={testId}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
    >
      <title>{title}</title>
      <line x1={pad.l} x2={width - pad.r} y1={height - pad.b} y2={height - pad.b} stroke="#ccc" />
      <text x={pad.l - 6} y={pad.t + 10} textAnchor="end" fontSize="11" fill="#666">
        {formatQuantity(max)}
      </text>
      <text x={pad.l - 6} y={height - pad.b} textAnchor="end" fontSize="11" fill="#666">
        0
      </text>
      <path d={path} fill="none" stroke="#1677ff" strokeWidth="2" />
      {points.map((p, i) => (
        <Link key={p.label} to={p.href} aria-label={`${p.label}: ${formatQuantity(p.value)}`}>
          <circle cx={x(i)} cy={y(p.value)} r="4" fill="#1677ff" />
          <text x={x(i)} y={height - 8} textAnchor="middle" fontSize="11" fill="#666">
            {p.label}
          </text>
        </Link>
      ))}
    </svg>
  );
}
