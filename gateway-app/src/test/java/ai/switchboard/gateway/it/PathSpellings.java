package ai.switchboard.gateway.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spellings of one path that a lenient reader would take for the same route: percent-encoded letters (both hex
 * cases), encoded separators and percent signs, {@code ;} parameters, empty and dot segments (plain and encoded),
 * backslashes, control characters and trailing slashes, each applied to every segment in turn.
 */
final class PathSpellings {

    private static final String[] SEPARATORS = {"%2f", "%2F", "\\", "%5c", "%5C"};
    private static final String[] INSERTED_SEGMENTS = {"./", "x/../", "%2e/", "x/%2E%2e/", "/"};
    private static final String[] SEGMENT_SUFFIXES = {";x", ";", "%00", "%09", "%0a"};
    private static final String[] PATH_SUFFIXES = {"/", "/.", "/..", "/x/..", ";x"};

    private PathSpellings() {
    }

    /** Every spelling of {@code path} (which starts with {@code /}); the path itself is not among them. */
    static List<String> of(String path) {
        List<String> segments = Arrays.asList(path.substring(1).split("/"));
        Set<String> spellings = new LinkedHashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            spellings.add(join(segments, i, encodeAt(segment, 0, false)));
            spellings.add(join(segments, i, encodeAt(segment, 0, true)));
            spellings.add(join(segments, i, encodeAt(segment, segment.length() - 1, true)));
            spellings.add(join(segments, i, "%25" + hex(segment.charAt(0), false) + segment.substring(1)));
            for (String suffix : SEGMENT_SUFFIXES) {
                spellings.add(join(segments, i, segment + suffix));
            }
            for (String inserted : INSERTED_SEGMENTS) {
                spellings.add(join(segments, i, inserted + segment));
            }
            String before = i == 0 ? "" : "/" + String.join("/", segments.subList(0, i));
            String after = String.join("/", segments.subList(i, segments.size()));
            for (String separator : SEPARATORS) {
                spellings.add(before + separator + after);
            }
        }
        for (String suffix : PATH_SUFFIXES) {
            spellings.add(path + suffix);
        }
        spellings.remove(path);
        return new ArrayList<>(spellings);
    }

    private static String join(List<String> segments, int replaced, String replacement) {
        List<String> copy = new ArrayList<>(segments);
        copy.set(replaced, replacement);
        return "/" + String.join("/", copy);
    }

    private static String encodeAt(String segment, int index, boolean upperCase) {
        return segment.substring(0, index) + "%" + hex(segment.charAt(index), upperCase) + segment.substring(index + 1);
    }

    private static String hex(char c, boolean upperCase) {
        String hex = String.format("%02x", (int) c);
        return upperCase ? hex.toUpperCase(Locale.ROOT) : hex;
    }
}
