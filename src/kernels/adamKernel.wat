;; One Adam step over a weight buffer, four floats at a time (WebAssembly SIMD), in float32 like
;; tf.train.adam. Compiled to adamKernel.generated.ts by `npm run build:adam-kernel`.
;;
;; adam(w, out, g, m, v, groups, beta1, beta2, lr, invBias2, eps), pointers in bytes,
;; `groups` = number of 4-float groups:
;;   m ← β1·m + (1 − β1)·g
;;   v ← β2·v + (1 − β2)·g²
;;   out ← w − lr·m / (√(v·invBias2) + ε)    (lr already holds the 1/(1 − β1^t) bias correction)
;; It works on the memory it is given (env.memory): tfjs-wasm's own, or one of ours.
(module
  (import "env" "memory" (memory 1))
  (func (export "adam")
    (param $w i32) (param $out i32) (param $g i32) (param $m i32) (param $v i32) (param $groups i32)
    (param $b1 f32) (param $b2 f32) (param $lr f32) (param $ib2 f32) (param $eps f32)
    (local $i i32) (local $end i32)
    (local $B1 v128) (local $C1 v128) (local $B2 v128) (local $C2 v128)
    (local $LR v128) (local $IB2 v128) (local $EPS v128)
    (local $gi v128) (local $mi v128) (local $vi v128)
    (local.set $B1 (f32x4.splat (local.get $b1)))
    (local.set $C1 (f32x4.splat (f32.sub (f32.const 1) (local.get $b1))))
    (local.set $B2 (f32x4.splat (local.get $b2)))
    (local.set $C2 (f32x4.splat (f32.sub (f32.const 1) (local.get $b2))))
    (local.set $LR (f32x4.splat (local.get $lr)))
    (local.set $IB2 (f32x4.splat (local.get $ib2)))
    (local.set $EPS (f32x4.splat (local.get $eps)))
    (local.set $end (i32.shl (local.get $groups) (i32.const 4)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $gi (v128.load (i32.add (local.get $g) (local.get $i))))
        (local.set $mi
          (f32x4.add
            (f32x4.mul (local.get $B1) (v128.load (i32.add (local.get $m) (local.get $i))))
            (f32x4.mul (local.get $C1) (local.get $gi))))
        (local.set $vi
          (f32x4.add
            (f32x4.mul (local.get $B2) (v128.load (i32.add (local.get $v) (local.get $i))))
            (f32x4.mul (local.get $C2) (f32x4.mul (local.get $gi) (local.get $gi)))))
        (v128.store (i32.add (local.get $m) (local.get $i)) (local.get $mi))
        (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vi))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (f32x4.sub
            (v128.load (i32.add (local.get $w) (local.get $i)))
            (f32x4.div
              (f32x4.mul (local.get $LR) (local.get $mi))
              (f32x4.add
                (f32x4.sqrt (f32x4.mul (local.get $vi) (local.get $IB2)))
                (local.get $EPS)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
)
