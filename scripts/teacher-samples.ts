/** npm run teacher:samples — rewrites public/models/teacher.samples.json from the stored teacher. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { writeTeacherSamples } from './lib/teacherSamples.ts';

await tf.setBackend('wasm');
const preview = writeTeacherSamples();
console.log(
  `teacher:samples: ${preview.indices.length} digits written to public/models/teacher.samples.json`,
);
