package org.teracon.workbench.method;

/** The named parts of a step's loss; {@link #key()} is the column name in loss.csv and the console. */
public enum LossTerm {
    TOTAL("total"),
    /** The current task's own loss. */
    CLASS("class"),
    /** TERACON's knowledge retention, before its weight α. */
    RETENTION("kr"),
    /** HAT's attention regulariser. */
    MASK_REGULARISER("reg"),
    /** MTL's joint next-item loss on T1. */
    JOINT_FIRST_TASK("t1");

    private final String key;

    LossTerm(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
