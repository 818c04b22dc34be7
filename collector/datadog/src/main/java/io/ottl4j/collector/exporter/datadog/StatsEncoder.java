package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.datadog.pb.trace.ClientGroupedStats;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsBucket;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.pb.trace.Trilean;
import java.io.IOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * {@code StatsPayload} → the msgpack the stats intake ({@code /api/v0.2/stats}) reads: maps keyed by the Go
 * field names of the agent's generated types (tinylib/msgp), e.g. {@code AgentHostname}, {@code Stats},
 * {@code HTTPStatusCode}, {@code OkSummary}.
 */
final class StatsEncoder {
    private StatsEncoder() {
    }

    static byte[] encode(StatsPayload p) {
        try (MessageBufferPacker pk = MessagePack.newDefaultBufferPacker()) {
            pk.packMapHeader(6);
            str(pk, "AgentHostname", p.getAgentHostname());
            str(pk, "AgentEnv", p.getAgentEnv());
            pk.packString("Stats");
            pk.packArrayHeader(p.getStatsCount());
            for (ClientStatsPayload c : p.getStatsList()) {
                client(pk, c);
            }
            str(pk, "AgentVersion", p.getAgentVersion());
            pk.packString("ClientComputed").packBoolean(p.getClientComputed());
            pk.packString("SplitPayload").packBoolean(p.getSplitPayload());
            return pk.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a buffer packer does no I/O
        }
    }

    private static void client(MessagePacker pk, ClientStatsPayload c) throws IOException {
        pk.packMapHeader(14);
        str(pk, "Hostname", c.getHostname());
        str(pk, "Env", c.getEnv());
        str(pk, "Version", c.getVersion());
        pk.packString("Stats").packArrayHeader(c.getStatsCount());
        for (ClientStatsBucket b : c.getStatsList()) {
            pk.packMapHeader(4);
            pk.packString("Start").packLong(b.getStart());
            pk.packString("Duration").packLong(b.getDuration());
            pk.packString("Stats").packArrayHeader(b.getStatsCount());
            for (ClientGroupedStats g : b.getStatsList()) {
                grouped(pk, g);
            }
            pk.packString("AgentTimeShift").packLong(b.getAgentTimeShift());
        }
        str(pk, "Lang", c.getLang());
        str(pk, "TracerVersion", c.getTracerVersion());
        str(pk, "RuntimeID", c.getRuntimeID());
        pk.packString("Sequence").packLong(c.getSequence());
        str(pk, "AgentAggregation", c.getAgentAggregation());
        str(pk, "Service", c.getService());
        str(pk, "ContainerID", c.getContainerID());
        pk.packString("Tags").packArrayHeader(c.getTagsCount());
        for (String t : c.getTagsList()) {
            pk.packString(t);
        }
        str(pk, "GitCommitSha", c.getGitCommitSha());
        str(pk, "ImageTag", c.getImageTag());
    }

    private static void grouped(MessagePacker pk, ClientGroupedStats g) throws IOException {
        pk.packMapHeader(17);
        str(pk, "Service", g.getService());
        str(pk, "Name", g.getName());
        str(pk, "Resource", g.getResource());
        pk.packString("HTTPStatusCode").packInt(g.getHTTPStatusCode());
        str(pk, "Type", g.getType());
        str(pk, "DBType", g.getDBType());
        pk.packString("Hits").packLong(g.getHits());
        pk.packString("Errors").packLong(g.getErrors());
        pk.packString("Duration").packLong(g.getDuration());
        bytes(pk, "OkSummary", g.getOkSummary().toByteArray());
        bytes(pk, "ErrorSummary", g.getErrorSummary().toByteArray());
        pk.packString("Synthetics").packBoolean(g.getSynthetics());
        pk.packString("TopLevelHits").packLong(g.getTopLevelHits());
        str(pk, "SpanKind", g.getSpanKind());
        pk.packString("PeerTags").packArrayHeader(g.getPeerTagsCount());
        for (String t : g.getPeerTagsList()) {
            pk.packString(t);
        }
        pk.packString("IsTraceRoot").packInt(g.getIsTraceRoot() == Trilean.UNRECOGNIZED ? 0 : g.getIsTraceRootValue());
        str(pk, "GRPCStatusCode", "");
    }

    private static void str(MessagePacker pk, String key, String value) throws IOException {
        pk.packString(key).packString(value);
    }

    private static void bytes(MessagePacker pk, String key, byte[] value) throws IOException {
        pk.packString(key).packBinaryHeader(value.length).writePayload(value);
    }
}
