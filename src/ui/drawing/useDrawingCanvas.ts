import { useCallback, useEffect, useRef, type PointerEvent } from 'react';

/** The canvas is drawn at 10 × MNIST's 28 px; the brush is about 2.2 MNIST pixels wide once fitted. */
export const CANVAS_SIDE = 280;
const BRUSH = 20;

/**
 * Pointer drawing on a canvas (mouse, touch and pen alike: Pointer Events with capture), white
 * ink on black like MNIST. `onInk` gets the grayscale image (0–1, CANVAS_SIDE²) while drawing,
 * at most every `intervalMs`, and once more when a stroke ends.
 */
export function useDrawingCanvas(onInk: (gray: Float32Array) => void, intervalMs = 100) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const lastSent = useRef(0);
  const onInkRef = useRef(onInk);
  useEffect(() => {
    onInkRef.current = onInk;
  }, [onInk]);

  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const send = useCallback(() => {
    const ctx = context();
    if (!ctx) return;
    const { data } = ctx.getImageData(0, 0, CANVAS_SIDE, CANVAS_SIDE);
    const gray = new Float32Array(CANVAS_SIDE * CANVAS_SIDE);
    for (let p = 0; p < gray.length; p++) gray[p] = data[p * 4] / 255;
    lastSent.current = performance.now();
    onInkRef.current(gray);
  }, []);

  const clear = useCallback(() => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, CANVAS_SIDE, CANVAS_SIDE);
    send();
  }, [send]);

  useEffect(() => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, CANVAS_SIDE, CANVAS_SIDE);
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) / box.width) * CANVAS_SIDE,
      y: ((e.clientY - box.top) / box.height) * CANVAS_SIDE,
    };
  };
  const strokeTo = (to: { x: number; y: number }) => {
    const ctx = context();
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = BRUSH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
    last.current = to;
  };

  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      last.current = null;
      strokeTo(point(e));
    },
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
      strokeTo(point(e));
      if (performance.now() - lastSent.current > intervalMs) send();
    },
    onPointerUp: (e: PointerEvent<HTMLCanvasElement>) => {
      if (e.currentTarget.hasPointerCapture(e.pointerId))
        e.currentTarget.releasePointerCapture(e.pointerId);
      last.current = null;
      send();
    },
  };

  /** Replaces the drawing with a 28 × 28 digit (uint8, ink high), scaled up. */
  const showDigit = useCallback(
    (pixels: Uint8Array) => {
      const ctx = context();
      if (!ctx) return;
      const small = new ImageData(28, 28);
      for (let p = 0; p < 784; p++) small.data.set([pixels[p], pixels[p], pixels[p], 255], p * 4);
      const scratch = new OffscreenCanvas(28, 28);
      scratch.getContext('2d')!.putImageData(small, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(scratch, 0, 0, CANVAS_SIDE, CANVAS_SIDE);
      send();
    },
    [send],
  );

  /** Moves the drawing by (dx, dy) canvas pixels; what leaves the canvas is lost. */
  const shift = useCallback(
    (dx: number, dy: number) => {
      const ctx = context();
      if (!ctx) return;
      const image = ctx.getImageData(0, 0, CANVAS_SIDE, CANVAS_SIDE);
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, CANVAS_SIDE, CANVAS_SIDE);
      ctx.putImageData(image, dx, dy);
      send();
    },
    [send],
  );

  /** Erases one half of the drawing. */
  const erase = useCallback(
    (half: 'top' | 'bottom' | 'left' | 'right') => {
      const ctx = context();
      if (!ctx) return;
      const h = CANVAS_SIDE / 2;
      ctx.fillStyle = '#000';
      if (half === 'top') ctx.fillRect(0, 0, CANVAS_SIDE, h);
      if (half === 'bottom') ctx.fillRect(0, h, CANVAS_SIDE, h);
      if (half === 'left') ctx.fillRect(0, 0, h, CANVAS_SIDE);
      if (half === 'right') ctx.fillRect(h, 0, h, CANVAS_SIDE);
      send();
    },
    [send],
  );

  return { canvas, handlers, clear, showDigit, shift, erase };
}
