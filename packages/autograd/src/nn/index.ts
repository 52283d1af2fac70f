/** The Keras-style model API: layers, models, losses, metrics, optimizers. */
export {};
