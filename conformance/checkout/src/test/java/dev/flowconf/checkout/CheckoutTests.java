package dev.flowconf.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutTests {
    @TempDir
    Path dir;

    private Path checkout(String name) throws Exception {
        Path root = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(root.resolve("reference-host"));
        Files.createDirectories(root.resolve("harness-workerd"));
        Files.writeString(root.resolve("harness-workerd/package.json"), "{}");
        return root;
    }

    @Test
    void theNearestCheckoutFromADirectoryInsideIt() throws Exception {
        Path root = checkout("a");
        Path deep = Files.createDirectories(root.resolve("conformance/target/classes"));
        assertEquals(Optional.of(root), Checkout.above(deep));
        assertEquals(Optional.of(root), Checkout.above(root));
    }

    @Test
    void aDirectoryWithoutBothMarksIsNotOne() throws Exception {
        Path half = Files.createDirectories(dir.resolve("half/reference-host"));
        Files.createDirectories(dir.resolve("half/harness-workerd")); // no package.json: not installed from a checkout
        assertEquals(Optional.empty(), Checkout.above(half));
    }

    @Test
    void theTestsOwnCheckoutComesFromThePropertyMavenSets() {
        Path root = Checkout.root();
        assertTrue(Files.isRegularFile(root.resolve("SPEC.md")), root.toString());
        assertEquals(root.resolve("goldens"), Checkout.goldens());
    }

    @Test
    void aNamedRootOutsideACheckoutSaysWhere() throws Exception {
        String saved = System.getProperty(Checkout.ROOT_PROPERTY);
        System.setProperty(Checkout.ROOT_PROPERTY, dir.toString());
        try {
            IllegalStateException failure = assertThrows(IllegalStateException.class, Checkout::root);
            assertTrue(failure.getMessage().contains(dir.toString()), failure.getMessage());
        } finally {
            System.setProperty(Checkout.ROOT_PROPERTY, saved);
        }
    }

    @Test
    void withoutThePropertyTheStartThenTheAnchorsLocationDecide() throws Exception {
        Path root = checkout("b");
        String saved = System.clearProperty(Checkout.ROOT_PROPERTY);
        try {
            assertEquals(root, Checkout.find(root.resolve("x/y"), null));
            // Outside any checkout, the anchor's classes (this module's target/, inside the real checkout) decide.
            assertEquals(Path.of(saved).toAbsolutePath().normalize(), Checkout.find(dir, CheckoutTests.class));
            assertThrows(IllegalStateException.class, () -> Checkout.find(dir, null));
        } finally {
            System.setProperty(Checkout.ROOT_PROPERTY, saved);
        }
    }
}
