package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * KPI 9: next academic year's enrolment per campus, from the campus's history of yearly enrolments: a linear
 * trend per campus fitted by Spark MLlib ({@link LinearRegression}, normal-equation solver, all campuses in one
 * model), and a prediction interval from the campus's own residuals (Student's t, n - 2 degrees of freedom).
 * An academic year is history once its enrolment period is over ({@link #ENROLMENT_WINDOW_DAYS} after
 * 1 September); a campus needs three years of it.
 */
public final class EnrolmentForecast {
    public static final int ENROLMENT_WINDOW_DAYS = 30;
    public static final int MIN_YEARS = 3;

    public static final StructType SCHEMA = new StructType()
            .add("campus_id", DataTypes.IntegerType)
            .add("academic_year", DataTypes.IntegerType, false)
            .add("predicted_enrolment", DataTypes.DoubleType)
            .add("lower_bound", DataTypes.DoubleType)
            .add("upper_bound", DataTypes.DoubleType)
            .add("trend_per_year", DataTypes.DoubleType)
            .add("history_years", DataTypes.IntegerType, false)
            .add("confidence", DataTypes.DoubleType, false);

    private EnrolmentForecast() {}

    /** The last academic year whose enrolment is complete on {@code d}. */
    public static int lastCompleteYear(LocalDate d) {
        int current = CampusScorecard.academicYear(d);
        return d.isBefore(LocalDate.of(current, 9, 1).plusDays(ENROLMENT_WINDOW_DAYS)) ? current - 1 : current;
    }

    /**
     * @param scorecard  the output of {@link CampusScorecard#byAcademicYear} (campus_id, academic_year, enrolled)
     * @param confidence of the interval, e.g. 0.95
     * @return one row per campus with enough history, for academic year {@code academicYear(d) + 1}
     */
    public static Dataset<Row> nextYear(Dataset<Row> scorecard, LocalDate d, double confidence) {
        SparkSession spark = scorecard.sparkSession();
        int target = CampusScorecard.academicYear(d) + 1;
        Map<Integer, List<double[]>> history = new TreeMap<>();
        for (Row r : scorecard.where(col("academic_year").leq(lastCompleteYear(d)))
                .select("campus_id", "academic_year", "enrolled").collectAsList()) {
            history.computeIfAbsent(r.getInt(0), k -> new ArrayList<>())
                    .add(new double[] {r.getInt(1), ((Number) r.get(2)).doubleValue()});
        }
        history.values().removeIf(points -> points.size() < MIN_YEARS);
        List<Row> out = new ArrayList<>();
        if (history.isEmpty()) {
            return spark.createDataFrame(out, SCHEMA);
        }
        // One model for all campuses: per campus an indicator (its intercept) and its centred year (its slope).
        // Without a global intercept this is exactly one least-squares line per campus, fitted in a single pass.
        List<Integer> campuses = new ArrayList<>(history.keySet());
        int k = campuses.size();
        Map<Integer, Double> meanYear = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<double[]> points = history.get(campuses.get(i));
            double mean = 0;
            for (double[] p : points) {
                mean += p[0] / points.size();
            }
            meanYear.put(campuses.get(i), mean);
            for (double[] p : points) {
                rows.add(RowFactory.create(Vectors.sparse(2 * k, new int[] {2 * i, 2 * i + 1},
                        new double[] {1, p[0] - mean}), p[1]));
            }
        }
        StructType schema = new StructType().add("features", new VectorUDT()).add("enrolled", DataTypes.DoubleType);
        LinearRegressionModel model = new LinearRegression().setSolver("normal").setRegParam(0.0)
                .setFitIntercept(false).setStandardization(false)
                .setFeaturesCol("features").setLabelCol("enrolled").fit(spark.createDataFrame(rows, schema));
        for (int i = 0; i < k; i++) {
            int campus = campuses.get(i);
            List<double[]> points = history.get(campus);
            int n = points.size();
            double intercept = model.coefficients().apply(2 * i);
            double slope = model.coefficients().apply(2 * i + 1);
            double mean = meanYear.get(campus);
            // The campus's own residual variance (n - 2 degrees of freedom) and the standard prediction variance
            // of a least-squares line: s² (1 + 1/n + (x0 - x̄)² / Sxx).
            double sse = 0;
            double sxx = 0;
            for (double[] p : points) {
                double residual = p[1] - (intercept + slope * (p[0] - mean));
                sse += residual * residual;
                sxx += (p[0] - mean) * (p[0] - mean);
            }
            double x0 = target - mean;
            double predicted = intercept + slope * x0;
            double sd = Math.sqrt(sse / (n - 2) * (1 + 1.0 / n + x0 * x0 / sxx));
            double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + confidence / 2);
            out.add(RowFactory.create(campus, target, round1(predicted), round1(Math.max(0, predicted - t * sd)),
                    round1(predicted + t * sd), round1(slope), n, confidence));
        }
        return spark.createDataFrame(out, SCHEMA).orderBy("campus_id");
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
