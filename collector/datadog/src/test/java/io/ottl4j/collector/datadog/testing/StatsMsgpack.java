package io.ottl4j.collector.datadog.testing;

import io.ottl4j.collector.datadog.pb.trace.ClientGroupedStats;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsBucket;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import java.io.IOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads the stats intake's msgpack (maps keyed by the agent's Go field names) back into a StatsPayload, the
 * way the agent's generated decoder does: unknown keys are skipped, so only the names matter.
 */
public final class StatsMsgpack {
    private StatsMsgpack() {
    }

    public static StatsPayload decode(byte[] body) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(body)) {
            StatsPayload.Builder p = StatsPayload.newBuilder();
            int n = u.unpackMapHeader();
            for (int i = 0; i < n; i++) {
                switch (u.unpackString()) {
                    case "AgentHostname" -> p.setAgentHostname(u.unpackString());
                    case "AgentEnv" -> p.setAgentEnv(u.unpackString());
                    case "AgentVersion" -> p.setAgentVersion(u.unpackString());
                    case "ClientComputed" -> p.setClientComputed(u.unpackBoolean());
                    case "SplitPayload" -> p.setSplitPayload(u.unpackBoolean());
                    case "Stats" -> {
                        int m = u.unpackArrayHeader();
                        for (int j = 0; j < m; j++) {
                            p.addStats(client(u));
                        }
                    }
                    default -> u.skipValue();
                }
            }
            return p.build();
        }
    }

    private static ClientStatsPayload client(MessageUnpacker u) throws IOException {
        ClientStatsPayload.Builder c = ClientStatsPayload.newBuilder();
        int n = u.unpackMapHeader();
        for (int i = 0; i < n; i++) {
            switch (u.unpackString()) {
                case "Hostname" -> c.setHostname(u.unpackString());
                case "Env" -> c.setEnv(u.unpackString());
                case "Version" -> c.setVersion(u.unpackString());
                case "ContainerID" -> c.setContainerID(u.unpackString());
                case "GitCommitSha" -> c.setGitCommitSha(u.unpackString());
                case "Tags" -> {
                    int m = u.unpackArrayHeader();
                    for (int j = 0; j < m; j++) {
                        c.addTags(u.unpackString());
                    }
                }
                case "Stats" -> {
                    int m = u.unpackArrayHeader();
                    for (int j = 0; j < m; j++) {
                        c.addStats(bucket(u));
                    }
                }
                default -> u.skipValue();
            }
        }
        return c.build();
    }

    private static ClientStatsBucket bucket(MessageUnpacker u) throws IOException {
        ClientStatsBucket.Builder b = ClientStatsBucket.newBuilder();
        int n = u.unpackMapHeader();
        for (int i = 0; i < n; i++) {
            switch (u.unpackString()) {
                case "Start" -> b.setStart(u.unpackLong());
                case "Duration" -> b.setDuration(u.unpackLong());
                case "Stats" -> {
                    int m = u.unpackArrayHeader();
                    for (int j = 0; j < m; j++) {
                        b.addStats(grouped(u));
                    }
                }
                default -> u.skipValue();
            }
        }
        return b.build();
    }

    private static ClientGroupedStats grouped(MessageUnpacker u) throws IOException {
        ClientGroupedStats.Builder g = ClientGroupedStats.newBuilder();
        int n = u.unpackMapHeader();
        for (int i = 0; i < n; i++) {
            switch (u.unpackString()) {
                case "Service" -> g.setService(u.unpackString());
                case "Name" -> g.setName(u.unpackString());
                case "Resource" -> g.setResource(u.unpackString());
                case "HTTPStatusCode" -> g.setHTTPStatusCode(u.unpackInt());
                case "Type" -> g.setType(u.unpackString());
                case "Hits" -> g.setHits(u.unpackLong());
                case "Errors" -> g.setErrors(u.unpackLong());
                case "Duration" -> g.setDuration(u.unpackLong());
                case "TopLevelHits" -> g.setTopLevelHits(u.unpackLong());
                case "SpanKind" -> g.setSpanKind(u.unpackString());
                case "OkSummary" -> g.setOkSummary(com.google.protobuf.ByteString.copyFrom(u.readPayload(u.unpackBinaryHeader())));
                case "ErrorSummary" -> g.setErrorSummary(com.google.protobuf.ByteString.copyFrom(u.readPayload(u.unpackBinaryHeader())));
                case "PeerTags" -> {
                    int m = u.unpackArrayHeader();
                    for (int j = 0; j < m; j++) {
                        g.addPeerTags(u.unpackString());
                    }
                }
                case "IsTraceRoot" -> g.setIsTraceRootValue(u.unpackInt());
                default -> u.skipValue();
            }
        }
        return g.build();
    }
}
