package org.tongpao.security.internal;

import java.util.Map;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Component;

/**
 * Karaf's password-encryption hook ({@code encryption.name = tongpao-pbkdf2}): Karaf's properties login
 * module verifies through it, and its backing engine ({@code jaas:user-add}, {@code jaas:update}) stores new
 * passwords through it, so the console writes the same salted PBKDF2 form as the realm does. Option
 * {@code iterations} (login-module option {@code encryption.iterations}) sets the count for new hashes.
 */
@Component(service = EncryptionService.class, property = "name=" + Pbkdf2EncryptionService.NAME)
public class Pbkdf2EncryptionService implements EncryptionService {

    static final String NAME = "tongpao-pbkdf2";

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        String n = params == null ? null : params.get("iterations");
        PasswordHash hasher = new PasswordHash(n == null ? PasswordHash.OWASP_ITERATIONS : Integer.parseInt(n.trim()));
        return new Encryption() {
            @Override
            public String encryptPassword(String plain) {
                return hasher.hash(plain);
            }

            @Override
            public boolean checkPassword(String input, String stored) {
                return PasswordHash.verify(input, stored);
            }
        };
    }
}
