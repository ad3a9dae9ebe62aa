/** How fidelity numbers read everywhere on the page (chart tooltip, results table). */

/** Top-1 agreement 0–1 → "98.52%". */
export const formatAgreement = (v: number) => `${(100 * v).toFixed(2)}%`;

/** KL divergence in nats, 3 significant digits: 0.01234 → "0.0123". */
export const formatKl = (v: number) => (v === 0 ? '0' : v.toPrecision(3));
