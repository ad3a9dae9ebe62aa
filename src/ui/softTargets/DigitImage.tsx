import { useEffect, useRef } from 'react';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../data/mnistAssets.ts';

/** One 28×28 MNIST digit, drawn from its uint8 pixels (ink dark on light, as on paper). */
export function DigitImage({
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
