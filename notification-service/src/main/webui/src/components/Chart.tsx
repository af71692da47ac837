import { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart as ChartJs, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip, type ChartConfiguration,
} from 'chart.js';

// Only the parts of Chart.js the dashboard draws: lines and bars.
ChartJs.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale,
  Filler, Legend, Tooltip);
ChartJs.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
ChartJs.defaults.locale = 'ru-RU';

/** A canvas that Chart.js draws into; redrawn when the configuration changes. */
export function Chart({ config, label, height = 260 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new ChartJs(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
