package org.camalarm.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path dir;

    @Test
    void aTokenIsKeptOwnerReadableAndTheSameOnTheNextAsking() throws Exception {
        Path file = dir.resolve("camalarm/tokens.properties");
        String token = new TokenStore(file).token("alarmToken");
        assertEquals(32, token.length());
        assertEquals(token, new TokenStore(file).token("alarmToken"), "kept across restarts");
        assertNotEquals(token, new TokenStore(file).token("apiToken"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /**
     * The alarm server, the API and the sessions each keep a store of the same file and may ask for
     * their first token at the same moment: each token handed out must be the one kept.
     */
    @Test
    void componentsAskingForTheirFirstTokensAtOnceAllKeepTheirs() throws Exception {
        List<String> keys = List.of("alarmToken", "apiToken", "sessionSecret");
        ExecutorService threads = Executors.newFixedThreadPool(keys.size());
        try {
            askAtOnce(keys, threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private void askAtOnce(List<String> keys, ExecutorService threads) throws Exception {
        for (int round = 0; round < 50; round++) {
            Path file = dir.resolve("round" + round + "/tokens.properties");
            CyclicBarrier start = new CyclicBarrier(keys.size());
            List<CompletableFuture<String>> asked = new ArrayList<>();
            for (String key : keys) {
                asked.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                TokenStore own = new TokenStore(file);
                                start.await();
                                return own.token(key);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        threads));
            }
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(asked.get(i).get(), new TokenStore(file).token(keys.get(i)), "round " + round);
            }
        }
    }
}
