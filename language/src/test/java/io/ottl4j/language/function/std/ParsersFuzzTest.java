package io.ottl4j.language.function.std;

import io.ottl4j.fuzz.Fuzz;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 fuzzing: the OTTL parser takes any text and compiles it or reports compile diagnostics; every
 * Parse* converter takes any input and returns a value or fails with an OTTL runtime error (what error_mode
 * handles); never a stack overflow or another fault escaping to the caller.
 */
class ParsersFuzzTest {
    private static final Ottl OTTL = Ottl.create();

    private static final List<String> OTTL_TOKENS = List.of("set", "(", ")", "[", "]", "{", "}", ",", ".", " ", "\"", "\\", "log",
            "attributes", "body", "where", " and ", " or ", " not ", "==", "!=", "<", ">=", "+", "-", "*", "/", "1", "1.5", "0x1f", "nil",
            "true", "ParseJSON", "Concat", "IsMatch", "\"a\"", "resource", "span", "delete_key", "keep_keys", "merge_maps", "\n", "#", ":",
            "${env}", "[\"k\"]", "Len", "ToUpperCase");

    @Test
    void parserNeverFaults() {
        String sample = "set(log.attributes[\"x\"], Concat([log.body, \"y\"], \"-\")) where IsMatch(log.severity_text, \"^(INFO|WARN)$\") and log.attributes[\"n\"] > 1";
        Fuzz.check("ottl-parser", 0.15, r -> Fuzz.mutateText(r, sample, OTTL_TOKENS),
                text -> OTTL.compileStatements(ContextKind.LOG, List.of(text), ErrorMode.PROPAGATE), OttlCompileException.class);
    }

    record Converter(String call, String sample, List<String> tokens) {
    }

    private static final List<Converter> CONVERTERS = List.of(
            new Converter("ParseJSON(log.body)", "{\"a\":[1,2.5,\"x\",null,true,{\"b\":{}}]}",
                    List.of("{", "}", "[", "]", ":", ",", "\"", "1e400", "-0", "null", "\\u00", " ")),
            new Converter("ParseXML(log.body)", "<a x=\"1\"><b>t</b><!-- c --><![CDATA[d]]><c/></a>",
                    List.of("<", ">", "/", "a", "=", "\"", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "<?xml?>", "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;")),
            new Converter("ParseSimplifiedXML(log.body)", "<a><b>t</b><b>u</b><c x=\"1\"/></a>",
                    List.of("<", ">", "/", "b", "=", "\"", "t", " ")),
            new Converter("ParseKeyValue(log.body)", "a=1 b=\"two words\" c='x'", List.of("=", " ", "\"", "'", "a", "\\", "==")),
            new Converter("ParseKeyValue(log.body, \":\", \",\")", "a:1,b:2", List.of(":", ",", "\"", "a")),
            new Converter("ParseCSV(log.body, \"a,b,c\")", "1,\"two, x\",3", List.of(",", "\"", "\n", "x", "\"\"")),
            new Converter("ParseCSV(log.body, \"a|b\", \"|\", \"|\", \"lazyQuotes\")", "1|2", List.of("|", "\"", "x")),
            new Converter("ParseInt(log.body, 16)", "ff", List.of("0", "f", "-", "+", "x", "9223372036854775808")),
            new Converter("ParseSeverity(log.body, {\"info\": [\"INFO\", {\"min\": 3, \"max\": 4}], \"error\": [\"ERROR\"]})", "INFO",
                    List.of("INFO", "3", "E", " ")));

    @Test
    void everyParseConverterNeverFaults() throws Exception {
        for (Converter c : CONVERTERS) {
            CompiledStatements s = OTTL.compileStatements(ContextKind.LOG, List.of("set(log.attributes[\"out\"], " + c.call() + ")"),
                    ErrorMode.PROPAGATE);
            Fuzz.check(c.call(), 0.2, r -> Fuzz.mutateText(r, c.sample(), c.tokens()), body -> {
                TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
                LogRecord l = new LogRecord();
                l.setBody(body);
                b.addResource().addScope().items().add(l);
                s.execute(b);
            }, OttlRuntimeException.class);
        }
    }
}
