package io.ottl4j.language.function.std;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row read the way upstream reads it: Go's {@code encoding/csv} reader (RFC 4180 quoting, optional
 * lazy quotes, empty lines skipped, CRLF normalised) applied to the whole text, where every further record
 * continues the last field of the previous one (a log entry is one row, so a newline is field content).
 */
final class ParseCsv {
    private ParseCsv() {
    }

    /** Thrown for malformed rows; the message follows Go's wording. */
    static final class CsvException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        CsvException(String message) {
            super(message);
        }
    }

    /** The fields of {@code row}; {@code delimiter} is one code point. */
    static List<String> readRow(String row, int delimiter, boolean lazyQuotes) {
        if (delimiter == '\r' || delimiter == '\n' || delimiter == '"' || delimiter == 0xFFFD
                || !Character.isValidCodePoint(delimiter) || Character.isSurrogate((char) delimiter) && delimiter <= 0xFFFF) {
            throw new CsvException("read csv line: csv: invalid field or comment delimiter");
        }
        Reader reader = new Reader(row, delimiter, lazyQuotes);
        List<List<String>> lines = new ArrayList<>();
        while (true) {
            Record r = reader.read();
            if (r == null) {
                break;
            }
            if (r.error != null && r.fields.isEmpty()) {
                throw new CsvException("read csv line: " + r.error);
            }
            lines.add(r.fields);
            if (r.error != null) {
                // Go's reader resumes on the next line after a parse error
                continue;
            }
        }
        if (lines.isEmpty()) {
            throw new CsvException("no csv lines found");
        }
        List<String> joined = new ArrayList<>(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            List<String> next = lines.get(i);
            int last = joined.size() - 1;
            joined.set(last, joined.get(last) + "\n" + next.get(0));
            joined.addAll(next.subList(1, next.size()));
        }
        return joined;
    }

    private record Record(List<String> fields, String error) {
    }

    /** A port of the record-splitting state machine of Go's csv.Reader (no comments, no trimming). */
    private static final class Reader {
        private final String in;
        private final String comma;
        private final boolean lazyQuotes;
        private int pos;
        private int lineNo;

        Reader(String in, int delimiter, boolean lazyQuotes) {
            this.in = in;
            this.comma = new String(Character.toChars(delimiter));
            this.lazyQuotes = lazyQuotes;
        }

        /** The next physical line including its '\n' (CRLF as '\n', a final CR dropped), or null at EOF. */
        private String readLine() {
            if (pos >= in.length()) {
                return null;
            }
            int nl = in.indexOf('\n', pos);
            String line;
            if (nl < 0) {
                line = in.substring(pos);
                pos = in.length();
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
            } else {
                line = in.substring(pos, nl + 1);
                pos = nl + 1;
            }
            lineNo++;
            if (line.length() >= 2 && line.charAt(line.length() - 2) == '\r' && line.endsWith("\n")) {
                line = line.substring(0, line.length() - 2) + "\n";
            }
            return line;
        }

        private static int lengthNL(String s) {
            return s.endsWith("\n") ? 1 : 0;
        }

        Record read() {
            String line;
            do {
                line = readLine();
                if (line == null) {
                    return null;
                }
            } while (line.length() == lengthNL(line));

            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int recLine = lineNo;
            int col = 1;
            boolean atEof = false;
            parseField:
            while (true) {
                if (line.isEmpty() || line.charAt(0) != '"') {
                    int i = line.indexOf(comma);
                    String f = i >= 0 ? line.substring(0, i) : line.substring(0, line.length() - lengthNL(line));
                    if (!lazyQuotes) {
                        int j = f.indexOf('"');
                        if (j >= 0) {
                            return new Record(fields, error(recLine, lineNo, col + j, "bare \" in non-quoted-field"));
                        }
                    }
                    fields.add(f);
                    if (i >= 0) {
                        line = line.substring(i + comma.length());
                        col += i + comma.length();
                        continue;
                    }
                    break;
                }
                // quoted field
                line = line.substring(1);
                col += 1;
                field.setLength(0);
                while (true) {
                    int i = line.indexOf('"');
                    if (i >= 0) {
                        field.append(line, 0, i);
                        line = line.substring(i + 1);
                        col += i + 1;
                        if (line.startsWith("\"")) {
                            field.append('"');
                            line = line.substring(1);
                            col += 1;
                        } else if (line.startsWith(comma)) {
                            line = line.substring(comma.length());
                            col += comma.length();
                            fields.add(field.toString());
                            continue parseField;
                        } else if (lengthNL(line) == line.length()) {
                            fields.add(field.toString());
                            break parseField;
                        } else if (lazyQuotes) {
                            field.append('"');
                        } else {
                            return new Record(fields, error(recLine, lineNo, col - 1, "extraneous or missing \" in quoted-field"));
                        }
                    } else if (!line.isEmpty() && !atEof) {
                        field.append(line);
                        String next = readLine();
                        if (next == null) {
                            atEof = true;
                            line = "";
                        } else {
                            line = next;
                            col = 1;
                        }
                    } else {
                        if (!lazyQuotes) {
                            return new Record(fields, error(recLine, lineNo, col, "extraneous or missing \" in quoted-field"));
                        }
                        fields.add(field.toString());
                        break parseField;
                    }
                }
            }
            return new Record(fields, null);
        }

        private static String error(int startLine, int line, int column, String what) {
            if (startLine != line) {
                return "record on line " + startLine + "; parse error on line " + line + ", column " + column + ": " + what;
            }
            return "parse error on line " + line + ", column " + column + ": " + what;
        }
    }
}
