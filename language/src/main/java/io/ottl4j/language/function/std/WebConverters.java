package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.pdata.AttributeMap;
import ua_parser.OS;
import ua_parser.Parser;
import ua_parser.UserAgent;

/** OTTL converters for web data: URL and UserAgent. */
public final class WebConverters {
    private WebConverters() {
    }

    @OttlFunction(name = "URL", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses a URL into url.original, url.scheme, url.domain and url.path, plus url.port (int), url.query, "
                    + "url.fragment, url.extension, url.user_info, url.username and url.password when present. An empty "
                    + "or malformed URL is an error.",
            example = "URL(\"http://user:pw@www.example.com:80/foo.gif?k=v#frag\")")
    public static final class URLConverter extends ConverterNode {
        @Child private StringGetter uri;

        public URLConverter(@Param("uri") StringGetter uri) {
            this.uri = uri;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(uri.get(frame), this);
        }

        @TruffleBoundary
        private static AttributeMap parse(String url, Node location) {
            if (url.isEmpty()) {
                throw new OttlRuntimeException("URL: url cannot be empty", location);
            }
            try {
                return WebUrl.parse(url);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException("URL: " + e.getMessage(), location);
            }
        }
    }

    @OttlFunction(name = "UserAgent", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses a User-Agent header with the ua-parser regexes into user_agent.name, user_agent.version and "
                    + "user_agent.original.",
            example = "UserAgent(\"curl/7.81.0\")")
    public static final class UserAgentConverter extends ConverterNode {
        @Child private StringGetter userAgent;

        public UserAgentConverter(@Param("user_agent") StringGetter userAgent) {
            this.userAgent = userAgent;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(userAgent.get(frame));
        }

        /**
         * Newer upstream versions also report os.name and os.version (when not empty). The conformance corpus
         * follows the baseline, whose map has only the three user_agent.* keys, so they are off.
         */
        static final boolean INCLUDE_OS_FIELDS = false;

        /** Loading the regexes takes a while: done once, on first use. */
        private static final class Holder {
            static final Parser PARSER = new Parser();
        }

        @TruffleBoundary
        private static AttributeMap parse(String ua) {
            UserAgent agent = Holder.PARSER.parseUserAgent(ua);
            AttributeMap m = new AttributeMap();
            m.put("user_agent.name", agent.family);
            m.put("user_agent.version", version(agent.major, agent.minor, agent.patch, null));
            m.put("user_agent.original", ua);
            if (!INCLUDE_OS_FIELDS) {
                return m;
            }
            OS os = Holder.PARSER.parseOS(ua);
            if (os.family != null && !os.family.isEmpty()) {
                m.put("os.name", os.family);
            }
            String osVersion = version(os.major, os.minor, os.patch, os.patchMinor);
            if (!osVersion.isEmpty()) {
                m.put("os.version", osVersion);
            }
            return m;
        }

        /** ua-parser's version string: the non-empty parts joined with dots, as uap-go's ToVersionString. */
        private static String version(String major, String minor, String patch, String patchMinor) {
            StringBuilder sb = new StringBuilder();
            if (major != null && !major.isEmpty()) {
                sb.append(major);
            }
            for (String part : new String[] {minor, patch, patchMinor}) {
                if (part != null && !part.isEmpty()) {
                    sb.append('.').append(part);
                }
            }
            return sb.toString();
        }
    }
}
