import { memo, useEffect, useRef } from 'react';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../data/mnistAssets.ts';

/** One 28×28 MNIST digit, drawn from its uint8 pixels (ink dark on light, as on paper). */
function DigitImageView({
  pixels,
  label,
  size = 56,
}: {
  pixels: Uint8Array;
  label: string;
  size?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(IMAGE_SIDE, IMAGE_SIDE);
    for (let p = 0; p < IMAGE_SIZE; p++) {
      const v = 255 - pixels[p];
      image.data.set([v, v, v, 255], p * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={canvas}
      width={IMAGE_SIDE}
      height={IMAGE_SIDE}
      className="digit"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
    />
  );
}

/** Redraws only for other pixels (a new subarray of the same bytes is the same image). */
export const DigitImage = memo(
  DigitImageView,
  (a, b) =>
    a.pixels.buffer === b.pixels.buffer &&
    a.pixels.byteOffset === b.pixels.byteOffset &&
    a.label === b.label &&
    a.size === b.size,
);
