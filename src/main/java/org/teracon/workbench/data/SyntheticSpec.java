package org.teracon.workbench.data;

/**
 * Size and structure of a {@link SyntheticDatasetGenerator} dataset.
 *
 * @param tasteGroups  clusters of the taste factor A (classes of "taste_group")
 * @param sideGroups   values of the independent factor B (classes of "side_group")
 * @param latentDim    dimension of each factor's item and user vectors
 * @param likedPerUser "liked_items" labels per user
 */
public record SyntheticSpec(String name, int users, int items, int sequenceLength, int tasteGroups, int sideGroups,
                            int latentDim, int likedPerUser) {

    public SyntheticSpec {
        if (users < 2 || items < sequenceLength + likedPerUser + 1 || sequenceLength < 2 || tasteGroups < 2
                || sideGroups < 2 || latentDim < 1 || likedPerUser < 1) {
            throw new IllegalArgumentException("synthetic spec too small: " + users + " users, " + items
                    + " items (need more than sequenceLength + likedPerUser), sequence length " + sequenceLength);
        }
    }

    /** Small enough that a model trains on it in seconds. */
    public static SyntheticSpec defaults() {
        return new SyntheticSpec("synthetic", 600, 150, 20, 4, 3, 8, 3);
    }

    public SyntheticSpec withSize(int newUsers, int newItems) {
        return new SyntheticSpec(name, newUsers, newItems, sequenceLength, tasteGroups, sideGroups, latentDim,
                likedPerUser);
    }
}
