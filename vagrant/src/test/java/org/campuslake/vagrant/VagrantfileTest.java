package org.campuslake.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vagrantfile as Vagrant and Ruby see it, without any VM: syntax, {@code vagrant validate -p} for both profiles,
 * and what validate does not look at (addresses, forwarded ports, roles, the secrets it generates).
 */
class VagrantfileTest {
    /** Roles provision/ knows how to set up; a profile using another one is a typo. */
    private static final Set<String> ROLES = Set.of("mysql", "client", "oozie_build", "namenode", "datanode",
            "resourcemanager", "nodemanager", "historyserver", "metastore", "hiveserver2", "oozie", "spark_history",
            "dashboard");

    @BeforeAll
    static void tools() throws Exception {
        HostTools.require("ruby", "ruby");
        HostTools.require("vagrant", "vagrant");
    }

    @Test
    void rubySyntax() throws Exception {
        HostTools.Result r = HostTools.run(List.of("ruby", "-c", "Vagrantfile", "lib/cluster.rb"), Map.of(), null, 60);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Syntax OK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "1"})
    void vagrantValidatesBothProfiles(String nodes) throws Exception {
        HostTools.Result r = HostTools.run(List.of("vagrant", "validate", "-p"),
                Map.of("LAKE_NODES", nodes, "VAGRANT_CHECKPOINT_DISABLE", "1"), null, 180);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Vagrantfile validated successfully");
        assertThat(r.output()).contains(nodes.equals("1") ? "==> master:" : "==> worker2:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi", "single"})
    void profilesHaveDistinctAddressesPortsAndKnownRoles(String profile) throws Exception {
        // One line per machine: name ip memory cpus roles(,) ports(guest:host,)
        HostTools.Result r = HostTools.run(List.of("ruby", "-e", """
                require "./lib/cluster"
                c = CampusLake::Cluster.load(".", { "LAKE_PROFILE" => ARGV[0] })
                c.nodes.each do |n|
                  puts [n.name, n.ip, n.memory, n.cpus, n.roles.join(","),
                        n.ports.map { |g, h| "#{g}:#{h}" }.join(",")].join(" ")
                end
                puts "deploy #{c.deploy_node}"
                """, profile), Map.of(), null, 60);
        assertThat(r.exit()).as(r.output()).isZero();
        List<String> lines = r.output().lines().toList();
        List<String[]> nodes = lines.stream().filter(l -> !l.startsWith("deploy ")).map(l -> l.split(" ")).toList();
        assertThat(nodes).hasSize(profile.equals("multi") ? 4 : 1);

        Set<String> ips = new HashSet<>();
        Set<String> hostPorts = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String[] n : nodes) {
            names.add(n[0]);
            assertThat(ips.add(n[1])).as("IP %s used twice", n[1]).isTrue();
            // VirtualBox only allows host-only addresses in 192.168.56.0/21 by default.
            String[] octets = n[1].split("\\.");
            assertThat(octets[0] + "." + octets[1]).isEqualTo("192.168");
            assertThat(Integer.parseInt(octets[2])).isBetween(56, 63);
            assertThat(Integer.parseInt(octets[3])).isBetween(2, 254);
            assertThat(Integer.parseInt(n[2])).as("memory of %s", n[0]).isBetween(2048, 16384);
            assertThat(Integer.parseInt(n[3])).isPositive();
            for (String role : n[4].split(",")) {
                assertThat(ROLES).as("role %s of %s", role, n[0]).contains(role);
                assertThat(roles.add(role) || role.equals("client") || role.equals("datanode")
                        || role.equals("nodemanager")).as("role %s on two machines", role).isTrue();
            }
            if (n.length > 5) {
                for (String pair : n[5].split(",")) {
                    assertThat(hostPorts.add(pair.split(":")[1])).as("host port of %s forwarded twice", pair).isTrue();
                }
            }
        }
        // Every service has a home, and the ports users need reach the host.
        assertThat(roles).containsAll(ROLES);
        assertThat(hostPorts).contains("13306", "10000", "11000", "9870", "8088", "19888", "18080", "8765");
        assertThat(names).contains(lines.get(lines.size() - 1).substring("deploy ".length()));
        if (profile.equals("single")) {
            assertThat(nodes.get(0)[2]).as("fits an 8 GB laptop").isEqualTo("6144");
        }
    }

    @Test
    void secretsAreGeneratedOnceAndReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve(".secrets");
        String script = "require \"./lib/cluster\"; CampusLake::Secrets.ensure(ARGV[0])";
        assertThat(HostTools.run(List.of("ruby", "-e", script, secrets.toString()), Map.of(), null, 60).exit()).isZero();

        List<String> expected = List.of("etl.password", "bi_reader.password", "metastore.password", "oozie.password",
                "pseudonym-salt");
        Set<String> values = new HashSet<>();
        for (String name : expected) {
            Path f = secrets.resolve(name);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
            String raw = Files.readString(f);
            // Sqoop refuses a password file ending with a newline; the salt is a text line like the local one.
            assertThat(raw).matches(name.endsWith(".password") ? "[A-Za-z0-9]{32}" : "[A-Za-z0-9]{32}\n");
            String v = raw.strip();
            values.add(v);
        }
        assertThat(values).as("every secret is its own").hasSize(expected.size());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");

        String before = Files.readString(secrets.resolve("etl.password"));
        assertThat(HostTools.run(List.of("ruby", "-e", script, secrets.toString()), Map.of(), null, 60).exit()).isZero();
        assertThat(Files.readString(secrets.resolve("etl.password"))).as("a second vagrant up keeps them").isEqualTo(before);
    }

    @Test
    void generatedFilesAreNeverCommitted() throws Exception {
        String ignore = Files.readString(HostTools.REPO.resolve(".gitignore"));
        assertThat(ignore).contains("vagrant/.secrets/", "vagrant/.cache/", "vagrant/.vagrant/");
    }
}
