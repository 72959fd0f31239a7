package org.teracon.workbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The GroupLens distribution layouts the importer understands, recognised by their ratings file. */
enum MovieLensLayout {
    /** ML-100K: u.data "user\titem\trating\tts", u.user "id|age|gender|occupation|zip". */
    ML_100K("u.data", "\t", false, "u.user"),
    /** ML-1M and ML-10M: ratings.dat "user::item::rating::ts"; users.dat only in 1M. */
    ML_DAT("ratings.dat", "::", false, "users.dat"),
    /** ML-20M and ML-25M: ratings.csv with header userId,movieId,rating,timestamp; no demographics. */
    ML_CSV("ratings.csv", ",", true, null);

    final String ratingsFile;
    final String separator;
    final boolean header;
    final String usersFile;

    MovieLensLayout(String ratingsFile, String separator, boolean header, String usersFile) {
        this.ratingsFile = ratingsFile;
        this.separator = separator;
        this.header = header;
        this.usersFile = usersFile;
    }

    static Optional<MovieLensLayout> detect(Path dir) {
        for (MovieLensLayout l : values()) {
            if (Files.isRegularFile(dir.resolve(l.ratingsFile))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    String ratingsFormat() {
        return switch (this) {
            case ML_100K -> "user<TAB>item<TAB>rating<TAB>timestamp";
            case ML_DAT -> "user::item::rating::timestamp";
            case ML_CSV -> "userId,movieId,rating,timestamp";
        };
    }
}
