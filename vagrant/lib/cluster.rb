# The classroom cluster as the Vagrantfile sees it: machines, sizes, roles and forwarded ports from the same
# KEY=VALUE files the provisioning scripts read (profiles/*.env, ports.env), and the secrets generated on the host.
require "fileutils"
require "securerandom"

module CampusLake
  GUEST_PROJECT = "/campus-lake".freeze
  GUEST_SECRETS = "/etc/campus-lake/shared-secrets".freeze
  # One file each; the provisioning hands each to the one account that needs it.
  SECRETS = %w[etl.password bi_reader.password metastore.password oozie.password pseudonym-salt].freeze

  Node = Struct.new(:name, :ip, :memory, :cpus, :roles, :ports) do
    def role?(role)
      roles.include?(role)
    end
  end

  class Cluster
    attr_reader :profile, :nodes, :settings

    # LAKE_NODES=1 picks the single-VM profile, LAKE_PROFILE any profile by name (as provision/common.sh does).
    def self.load(dir, env)
      profile = env["LAKE_PROFILE"] || (env["LAKE_NODES"] == "1" ? "single" : "multi")
      file = File.join(dir, "profiles", "#{profile}.env")
      raise ArgumentError, "no profile #{file} (LAKE_NODES=1 or LAKE_PROFILE=single|multi)" unless File.file?(file)
      new(profile, read_env(file).merge(read_env(File.join(dir, "ports.env"))))
    end

    # KEY=VALUE lines, optional double quotes, no expansion: the same rule as read_env_file in common.sh.
    def self.read_env(file)
      File.readlines(file).each_with_object({}) do |line, out|
        next if line =~ /\A\s*(#|\z)/
        m = line.chomp.match(/\A([A-Za-z_][A-Za-z0-9_]*)=(.*)\z/)
        raise ArgumentError, "#{file}: not a KEY=VALUE line: #{line}" unless m
        out[m[1]] = m[2].sub(/\A"(.*)"\z/, '\1')
      end
    end

    def initialize(profile, settings)
      @profile = profile
      @settings = settings
      @nodes = fetch("NODES").split.map { |name| node(name) }
    end

    def fetch(key)
      @settings.fetch(key) { raise ArgumentError, "profile #{@profile} has no #{key}" }
    end

    def node(name)
      roles = fetch("NODE_#{name}_ROLES").split
      ports = roles.flat_map { |r| @settings.fetch("FORWARD_#{r}", "").split }
                   .map { |pair| pair.split(":").map { |p| Integer(p) } }
      Node.new(name, fetch("NODE_#{name}_IP"), Integer(fetch("NODE_#{name}_MEMORY")),
               Integer(fetch("NODE_#{name}_CPUS")), roles, ports)
    end

    def deploy_node
      fetch("DEPLOY_NODE")
    end

    # The machine provisioned last, which runs the smoke check once everything is up.
    def last_node
      @nodes.last
    end
  end

  module Secrets
    # Random letters and digits (safe in SQL and shell without quoting), one per file, created only when missing:
    # a second `vagrant up` keeps them. The folder and files are readable by the host user only. Passwords have no
    # trailing newline (Sqoop's --password-file sends the file's bytes as they are); the salt is one text line, as
    # the local salt.txt.
    def self.ensure(dir)
      FileUtils.mkdir_p(dir)
      File.chmod(0o700, dir)
      SECRETS.each do |name|
        file = File.join(dir, name)
        next if File.size?(file)
        value = SecureRandom.alphanumeric(32)
        value += "\n" unless name.end_with?(".password")
        File.open(file, File::WRONLY | File::CREAT | File::TRUNC, 0o600) { |f| f.write(value) }
      end
    end
  end
end
