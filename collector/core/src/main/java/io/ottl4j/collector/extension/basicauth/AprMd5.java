package io.ottl4j.collector.extension.basicauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Apache's {@code $apr1$} MD5-crypt (the FreeBSD MD5 crypt with Apache's magic), as htpasswd -m writes it. */
final class AprMd5 {
    private static final String MAGIC = "$apr1$";
    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private AprMd5() {
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String crypt(String password, String salt) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] sl = (salt.length() > 8 ? salt.substring(0, 8) : salt).getBytes(StandardCharsets.UTF_8);
        MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update(MAGIC.getBytes(StandardCharsets.UTF_8));
        ctx.update(sl);
        MessageDigest alt = md5();
        alt.update(pw);
        alt.update(sl);
        alt.update(pw);
        byte[] fin = alt.digest();
        for (int pl = pw.length; pl > 0; pl -= 16) {
            ctx.update(fin, 0, Math.min(pl, 16));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(pw[0]);
            }
        }
        fin = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            MessageDigest r = md5();
            if ((i & 1) != 0) {
                r.update(pw);
            } else {
                r.update(fin, 0, 16);
            }
            if (i % 3 != 0) {
                r.update(sl);
            }
            if (i % 7 != 0) {
                r.update(pw);
            }
            if ((i & 1) != 0) {
                r.update(fin, 0, 16);
            } else {
                r.update(pw);
            }
            fin = r.digest();
        }
        StringBuilder out = new StringBuilder(MAGIC).append(new String(sl, StandardCharsets.UTF_8)).append('$');
        to64(out, (fin[0] & 0xff) << 16 | (fin[6] & 0xff) << 8 | fin[12] & 0xff, 4);
        to64(out, (fin[1] & 0xff) << 16 | (fin[7] & 0xff) << 8 | fin[13] & 0xff, 4);
        to64(out, (fin[2] & 0xff) << 16 | (fin[8] & 0xff) << 8 | fin[14] & 0xff, 4);
        to64(out, (fin[3] & 0xff) << 16 | (fin[9] & 0xff) << 8 | fin[15] & 0xff, 4);
        to64(out, (fin[4] & 0xff) << 16 | (fin[10] & 0xff) << 8 | fin[5] & 0xff, 4);
        to64(out, fin[11] & 0xff, 2);
        return out.toString();
    }

    private static void to64(StringBuilder sb, int v, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(ITOA64.charAt(v & 0x3f));
            v >>>= 6;
        }
    }
}
