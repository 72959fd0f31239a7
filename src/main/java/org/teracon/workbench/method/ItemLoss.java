package org.teracon.workbench.method;

/**
 * The loss of a multi-label item task: softmax cross-entropy over every item (the default), or BPR
 * against one popularity-sampled negative per positive label, as CONURE's later item tasks train.
 * Next-item and classification tasks always use cross-entropy.
 */
public enum ItemLoss {
    SOFTMAX,
    BPR_POPULARITY
}
