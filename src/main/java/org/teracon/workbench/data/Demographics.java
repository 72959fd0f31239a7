package org.teracon.workbench.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A MovieLens user's profile as label tokens (no whitespace, so they can be written to our format). */
record Demographics(String gender, String age, String occupation) {

    /** Age brackets in their natural order; ML-1M's age codes are the brackets' lower bounds. */
    static final List<String> AGE_BRACKETS = List.of("under-18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+");

    /** ML-1M occupation codes 0..20 (README of ml-1m), spaces made underscores. */
    static final List<String> ML1M_OCCUPATIONS = List.of("other", "academic/educator", "artist", "clerical/admin",
            "college/grad_student", "customer_service", "doctor/health_care", "executive/managerial", "farmer",
            "homemaker", "K-12_student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
            "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");

    static String ageBracket(int age) {
        if (age < 18) {
            return AGE_BRACKETS.get(0);
        }
        int[] lower = {18, 25, 35, 45, 50, 56};
        int i = lower.length - 1;
        while (age < lower[i]) {
            i--;
        }
        return AGE_BRACKETS.get(i + 1);
    }

    /** Reads u.user (ML-100K) or users.dat (ML-1M), keyed by user id. */
    static Map<Integer, Demographics> read(Path file, MovieLensLayout layout) {
        Map<Integer, Demographics> byUser = new HashMap<>();
        boolean pipe = layout == MovieLensLayout.ML_100K;
        String expected = pipe ? "id|age|gender|occupation|zip" : "id::gender::age::occupation::zip";
        LineFiles.forEachLine(file, MovieLensText.charsetOf(file), (n, raw) -> {
            String line = n == 1 ? MovieLensText.stripBom(raw) : raw;
            if (line.isBlank()) {
                return;
            }
            String[] f = line.split(pipe ? "\\|" : "::", -1);
            if (f.length != 5) {
                throw new DatasetFormatException(file, n, expected);
            }
            try {
                int id = Integer.parseInt(f[0].strip());
                String gender = (pipe ? f[2] : f[1]).strip();
                if (!gender.equals("F") && !gender.equals("M")) {
                    throw new DatasetFormatException(file, n, expected + " with gender F or M (found " + gender + ")");
                }
                int age = Integer.parseInt((pipe ? f[1] : f[2]).strip());
                if (id < 1 || age < 0) {
                    throw new DatasetFormatException(file, n, expected + " with a positive id and an age >= 0 (found id " + id + ", age " + age + ")");
                }
                String bracket = pipe ? ageBracket(age) : ml1mAge(file, n, age);
                String occupation = pipe ? f[3].strip().replaceAll("\\s+", "_") : ml1mOccupation(file, n, f[3]);
                if (occupation.isEmpty()) {
                    throw new DatasetFormatException(file, n, expected + " with a non-empty occupation");
                }
                if (byUser.put(id, new Demographics(gender, bracket, occupation)) != null) {
                    throw new DatasetFormatException(file, n, "each user once (user " + id + " repeats)");
                }
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, n, expected + " with numeric id and age");
            }
        });
        return byUser;
    }

    private static String ml1mAge(Path file, int line, int code) {
        int i = List.of(1, 18, 25, 35, 45, 50, 56).indexOf(code);
        if (i < 0) {
            throw new DatasetFormatException(file, line, "an ML-1M age code 1, 18, 25, 35, 45, 50 or 56 (found " + code + ")");
        }
        return AGE_BRACKETS.get(i);
    }

    private static String ml1mOccupation(Path file, int line, String field) {
        try {
            return ML1M_OCCUPATIONS.get(Integer.parseInt(field.strip()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new DatasetFormatException(file, line, "an ML-1M occupation code 0..20 (found " + field + ")");
        }
    }
}
