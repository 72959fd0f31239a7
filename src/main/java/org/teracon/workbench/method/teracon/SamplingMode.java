package org.teracon.workbench.method.teracon;

/** The paper's sampling study: which share of the current users feeds each old task's retention term. */
public enum SamplingMode {
    /** rho_{i,j} from the mask-relation equation, updated after every batch. */
    EQUATION,
    /** A fixed rate rho_min for every old task. */
    FIXED,
    /** Every current user (rho = 1). */
    ALL
}
