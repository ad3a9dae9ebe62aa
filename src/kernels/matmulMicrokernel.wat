;; Register-blocked matmul microkernels, WebAssembly SIMD (simd128), for the bench's "machine
;; limit": how many GFLOP/s one core reaches when a block of C lives in registers and the data
;; sits in cache. The K loop broadcasts one A value per row and multiplies-adds it with two B
;; vectors (simd128 has no fused multiply-add, so a multiply and an add each). Each accumulator
;; sums in k order, one rounding per multiply and per add, like a float32 triple loop.
;; $cRH is the accumulator of row R, columns 4H..4H+3.
;; Compiled by `npm run build:microkernel` into matmulMicrokernel.generated.ts.
(module
  (import "env" "memory" (memory 1))
  ;; C (4×8, row-major, overwritten) = A · B summed over `reps` passes; A packed k-major (4 floats per k),
  ;; B packed k-major (8 floats per k). 8 accumulators + 2 B vectors + 1 broadcast A value
  ;; stay within the 16 SIMD registers V8 allocates on x64.
  (func (export "kernel4x8") (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $reps i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $ai v128) (local $pa i32) (local $pb i32) (local $left i32)
    (if (i32.eqz (local.get $k)) (then (local.set $reps (i32.const 0))))
    (block $done
      (loop $rep
        (br_if $done (i32.eqz (local.get $reps)))
        (local.set $pa (local.get $a))
        (local.set $pb (local.get $b))
        (local.set $left (local.get $k))
        (loop $inner
          (local.set $b0 (v128.load (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $ai (v128.load32_splat offset=0 (local.get $pa)))
          (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=4 (local.get $pa)))
          (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=8 (local.get $pa)))
          (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=12 (local.get $pa)))
          (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
          (local.set $left (i32.sub (local.get $left) (i32.const 1)))
          (br_if $inner (local.get $left)))
        (local.set $reps (i32.sub (local.get $reps) (i32.const 1)))
        (br $rep)))
    (v128.store offset=0 (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store offset=32 (local.get $c) (local.get $c10))
    (v128.store offset=48 (local.get $c) (local.get $c11))
    (v128.store offset=64 (local.get $c) (local.get $c20))
    (v128.store offset=80 (local.get $c) (local.get $c21))
    (v128.store offset=96 (local.get $c) (local.get $c30))
    (v128.store offset=112 (local.get $c) (local.get $c31))
  )

  ;; C (6×8, row-major, overwritten) = A · B summed over `reps` passes; A packed k-major (6 floats per k),
  ;; B packed k-major (8 floats per k). 12 accumulators + 2 B vectors + 1 broadcast A value
  ;; stay within the 16 SIMD registers V8 allocates on x64.
  (func (export "kernel6x8") (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $reps i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128) (local $c40 v128) (local $c41 v128) (local $c50 v128) (local $c51 v128)
    (local $b0 v128) (local $b1 v128) (local $ai v128) (local $pa i32) (local $pb i32) (local $left i32)
    (if (i32.eqz (local.get $k)) (then (local.set $reps (i32.const 0))))
    (block $done
      (loop $rep
        (br_if $done (i32.eqz (local.get $reps)))
        (local.set $pa (local.get $a))
        (local.set $pb (local.get $b))
        (local.set $left (local.get $k))
        (loop $inner
          (local.set $b0 (v128.load (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $ai (v128.load32_splat offset=0 (local.get $pa)))
          (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=4 (local.get $pa)))
          (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=8 (local.get $pa)))
          (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=12 (local.get $pa)))
          (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=16 (local.get $pa)))
          (local.set $c40 (f32x4.add (local.get $c40) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c41 (f32x4.add (local.get $c41) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $ai (v128.load32_splat offset=20 (local.get $pa)))
          (local.set $c50 (f32x4.add (local.get $c50) (f32x4.mul (local.get $ai) (local.get $b0))))
          (local.set $c51 (f32x4.add (local.get $c51) (f32x4.mul (local.get $ai) (local.get $b1))))
          (local.set $pa (i32.add (local.get $pa) (i32.const 24)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
          (local.set $left (i32.sub (local.get $left) (i32.const 1)))
          (br_if $inner (local.get $left)))
        (local.set $reps (i32.sub (local.get $reps) (i32.const 1)))
        (br $rep)))
    (v128.store offset=0 (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store offset=32 (local.get $c) (local.get $c10))
    (v128.store offset=48 (local.get $c) (local.get $c11))
    (v128.store offset=64 (local.get $c) (local.get $c20))
    (v128.store offset=80 (local.get $c) (local.get $c21))
    (v128.store offset=96 (local.get $c) (local.get $c30))
    (v128.store offset=112 (local.get $c) (local.get $c31))
    (v128.store offset=128 (local.get $c) (local.get $c40))
    (v128.store offset=144 (local.get $c) (local.get $c41))
    (v128.store offset=160 (local.get $c) (local.get $c50))
    (v128.store offset=176 (local.get $c) (local.get $c51))
  )
)
