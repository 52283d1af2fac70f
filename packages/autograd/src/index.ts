/** @gradschool/autograd: a tensor autograd engine with a Keras-style model API. */
export * from './nn/index.js';
