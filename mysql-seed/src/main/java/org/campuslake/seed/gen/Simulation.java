package org.campuslake.seed.gen;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Entry points of the simulator: a fresh ERP for a seed, or the ERP in the database resumed for an advance. */
public final class Simulation {
    private final ErpSimulator simulator;
    private final ErpState state;

    private Simulation(ErpState state) {
        this.state = state;
        this.simulator = new ErpSimulator(state);
    }

    /**
     * Generates the whole seeded ERP into {@code sink}: history from {@link ErpSimulator#historyStart} (people
     * only), then classroom activity from the config's start to {@code end} inclusive.
     */
    public static void generate(GeneratorConfig cfg, LocalDate end, RowSink sink, Consumer<LocalDate> dayDone) {
        Simulation sim = new Simulation(ErpSimulator.initialState(cfg, ErpState.Mode.SEED, sink));
        for (LocalDate d = ErpSimulator.historyStart(cfg); !d.isAfter(end); d = d.plusDays(1)) {
            sim.simulator.simulate(d);
            dayDone.accept(d);
        }
        sim.state.flushAll();
    }

    /** Reloads the ERP as of the end of {@code clock}; each {@link #simulate} then writes one day to {@code sink}. */
    public static Simulation resume(Connection c, GeneratorConfig cfg, LocalDate clock, RowSink sink) throws SQLException {
        ErpState st = new ErpState(cfg, ErpState.Mode.ADVANCE, sink);
        ErpStateLoader.load(c, st, clock);
        return new Simulation(st);
    }

    /** @return {rows inserted, rows updated} */
    public int[] simulate(LocalDate d) {
        return simulator.simulate(d);
    }

    public static LocalDate historyStart(GeneratorConfig cfg) {
        return ErpSimulator.historyStart(cfg);
    }
}
