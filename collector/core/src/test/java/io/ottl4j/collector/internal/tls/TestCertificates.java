package io.ottl4j.collector.internal.tls;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time with BouncyCastle: a CA, and leaf certificates it signs for 127.0.0.1 and
 * localhost, written as PEM files (keys in PKCS#8) the way users hand them to the collector.
 */
public final class TestCertificates {
    /** PEM file paths of one identity. */
    public record Identity(Path cert, Path key, byte[] certPem, byte[] keyPem) {
    }

    private final Path dir;
    private final KeyPair caKeys;
    private final X500Name caName;
    private final X509Certificate caCert;
    private final Path caFile;
    private long serial = 2;

    public TestCertificates(Path dir, String caName) throws Exception {
        this.dir = dir;
        this.caKeys = keyPair();
        X500Name name = new X500Name("CN=" + caName);
        this.caName = name;
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, notBefore(), notAfter(), name, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.caCert = sign(b);
        this.caFile = dir.resolve(caName + "-ca.pem");
        Files.write(caFile, pem("CERTIFICATE", caCert.getEncoded()));
    }

    public Path caFile() {
        return caFile;
    }

    public byte[] caPem() throws Exception {
        return Files.readAllBytes(caFile);
    }

    /** A leaf certificate for {@code cn}, valid for 127.0.0.1 and localhost (server and client use). */
    public Identity issue(String cn) throws Exception {
        KeyPair keys = keyPair();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(serial++),
                notBefore(), notAfter(), new X500Name("CN=" + cn), keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509Certificate cert = sign(b);
        Path certFile = dir.resolve(cn + ".pem");
        Path keyFile = dir.resolve(cn + "-key.pem");
        byte[] certPem = pem("CERTIFICATE", cert.getEncoded());
        byte[] keyPem = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        Files.write(certFile, certPem);
        Files.write(keyFile, keyPem);
        return new Identity(certFile, keyFile, certPem, keyPem);
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder b) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static Date notBefore() {
        return new Date(System.currentTimeMillis() - 3_600_000L);
    }

    private static Date notAfter() {
        return new Date(System.currentTimeMillis() + 86_400_000L);
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
