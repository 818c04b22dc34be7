package io.ottl4j.language.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.function.OttlFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The catalog is complete (spec §7) and docs/functions.md is generated from it. */
class FunctionCatalogTest {
    /**
     * Every function of ../shared/spec/ottl-spec.md §7.1-7.5 and §13, checked against upstream's current lists
     * (pkg/ottl/ottlfuncs/testdata/stable_function_signatures.txt, the experimental lambda converters, and the
     * transform processor's log, metric, datapoint and span registrations). Base64Decode, removed upstream, is kept
     * (deprecated) so that older configs keep working.
     */
    static final Set<String> SPEC_EDITORS = Set.of("append", "delete_index", "delete_key", "delete_matching_keys", "flatten", "keep_keys",
            "keep_matching_keys", "limit", "merge_maps", "replace_all_matches", "replace_all_patterns", "replace_match", "replace_pattern",
            "set", "stringify_all", "truncate_all",
            // transform processor, metric and datapoint contexts (§7.4)
            "aggregate_on_attribute_value", "aggregate_on_attributes", "convert_exponential_histogram_to_histogram", "convert_gauge_to_sum",
            "convert_sum_to_gauge", "copy_metric", "extract_count_metric", "extract_sum_metric", "scale_metric",
            "convert_summary_count_val_to_sum", "convert_summary_sum_val_to_sum",
            // span context (§7.4)
            "set_semconv_span_name",
            // upstream after the baseline (spec §13): clear, and the transform processor's newer metric functions
            "clear", "convert_summary_quantile_val_to_gauge", "extract_avg_metric", "extract_percentile_metric", "merge_histogram_buckets");
    static final Set<String> SPEC_CONVERTERS = Set.of("Base64Decode", "Base64Encode", "Bool", "Coalesce", "CommunityID", "Concat",
            "ContainsValue", "ConvertAttributesToElementsXML", "ConvertCase", "ConvertTextToElementsXML", "Day", "Decode", "Double", "Duration",
            "ExtractGrokPatterns", "ExtractPatterns", "FNV", "Format", "FormatTime", "GetXML", "HasPrefix", "HasSuffix", "Hex", "Hour", "Hours",
            "Index", "InsertXML", "Int", "IsBool", "IsDouble", "IsEmpty", "IsInCIDR", "IsInt", "IsList", "IsMap", "IsMatch", "IsRootSpan",
            "IsString", "IsValidLuhn", "Keys", "Len", "Log", "MD5", "Microseconds", "Milliseconds", "Minute", "Minutes", "Month", "Murmur3Hash",
            "Murmur3Hash128", "Nanosecond", "Nanoseconds", "Now", "ParseCSV", "ParseInt", "ParseJSON", "ParseKeyValue", "ParseSeverity",
            "ParseSimplifiedXML", "ParseXML", "ProfileID", "RemoveXML", "SHA1", "SHA256", "SHA512", "Second", "Seconds", "SliceToMap", "Sort",
            "SpanID", "Split", "String", "Substring", "Time", "ToCamelCase", "ToKeyValueString", "ToLowerCase", "ToSnakeCase", "ToUpperCase",
            "TraceID", "Trim", "TrimPrefix", "TrimSuffix", "TruncateTime", "URL", "UUID", "UUIDv7", "Unix", "UnixMicro", "UnixMilli", "UnixNano",
            "UnixSeconds", "UserAgent", "Values", "Weekday", "XXH128", "XXH3", "Year",
            // lambda converters (§7.5)
            "All", "Any", "Filter", "Find", "MapEach", "MapKeys", "Reduce", "When",
            // filter processor, metric context (§7.4)
            "HasAttrKeyOnDatapoint", "HasAttrOnDatapoint",
            // transform processor, log context, after the baseline (spec §13)
            "ParseCEF", "ParseCLF", "ParseELF", "ParseLEEF");

    @Test
    void catalogHasExactlyTheSpecFunctions() {
        FunctionCatalog catalog = FunctionCatalog.standard();
        Set<String> editors = new TreeSet<>();
        Set<String> converters = new TreeSet<>();
        for (FunctionDef d : catalog.all()) {
            (d.kind() == OttlFunction.Kind.EDITOR ? editors : converters).add(d.name());
        }
        assertThat(editors).containsExactlyInAnyOrderElementsOf(SPEC_EDITORS);
        assertThat(converters).containsExactlyInAnyOrderElementsOf(SPEC_CONVERTERS);
    }

    @Test
    void everyFunctionIsDocumented() {
        for (FunctionDef d : FunctionCatalog.standard().all()) {
            assertThat(d.doc()).as(d.name()).isNotBlank().endsWith(".");
            assertThat(d.example()).as(d.name() + " example").isNotBlank();
            assertThat(d.example()).as(d.name() + " example names it").contains(d.name());
        }
    }

    @Test
    void contextSpecificFunctionsAreRestricted() {
        FunctionCatalog catalog = FunctionCatalog.standard();
        assertThat(catalog.find("IsRootSpan").contexts()).containsExactly(ContextKind.SPAN);
        assertThat(catalog.find("convert_sum_to_gauge").contexts()).containsExactly(ContextKind.METRIC);
        assertThat(catalog.find("convert_summary_sum_val_to_sum").contexts()).containsExactly(ContextKind.DATAPOINT);
        assertThat(catalog.find("merge_histogram_buckets").contexts()).containsExactly(ContextKind.DATAPOINT);
        assertThat(catalog.find("extract_avg_metric").contexts()).containsExactly(ContextKind.METRIC);
        assertThat(catalog.find("extract_percentile_metric").contexts()).containsExactly(ContextKind.METRIC);
        for (String parser : new String[] {"ParseCEF", "ParseCLF", "ParseELF", "ParseLEEF"}) {
            assertThat(catalog.find(parser).contexts()).as(parser).containsExactly(ContextKind.LOG);
        }
        assertThat(catalog.find("HasAttrOnDatapoint").conditionsOnly()).isTrue();
        assertThat(catalog.find("Filter").featureGate()).isEqualTo("ottl.functions.enableLambda");
        assertThat(catalog.find("Concat").contexts()).isEmpty();
    }

    /** docs/functions.md is generated; regenerate with -Dottl.docs.update=true. */
    @Test
    void functionsMarkdownIsCurrent() throws IOException {
        Path doc = Path.of(System.getProperty("ottl.project.dir", ".."), "docs", "functions.md");
        String generated = FunctionDocs.markdown(FunctionCatalog.standard());
        if (Boolean.getBoolean("ottl.docs.update")) {
            Files.writeString(doc, generated);
        }
        assertThat(Files.exists(doc)).as(doc + " exists (run the build with -Dottl.docs.update=true)").isTrue();
        assertThat(Files.readString(doc)).as("docs/functions.md is stale: rebuild with -Dottl.docs.update=true").isEqualTo(generated);
    }
}
