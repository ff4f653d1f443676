package org.campuslake.analytics;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionTrainingSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * KPI 9: next academic year's enrolment per campus, from the campus's history of yearly enrolments, with an
 * ordinary least-squares trend fitted by Spark MLlib ({@link LinearRegression}, normal-equation solver) and a
 * prediction interval.
 *
 * <p>The year is centred on the campus's mean year, so the intercept and slope estimates are uncorrelated and the
 * prediction variance is {@code s² + SE(intercept)² + (x0 - x̄)² SE(slope)²}, all three from MLlib's training
 * summary; the interval uses Student's t with n - 2 degrees of freedom. An academic year is history once its
 * enrolment period is over ({@link #ENROLMENT_WINDOW_DAYS} after 1 September); a campus needs three years of it.
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
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Integer, List<double[]>> e : history.entrySet()) {
            if (e.getValue().size() >= MIN_YEARS) {
                out.add(fit(spark, e.getKey(), e.getValue(), target, confidence));
            }
        }
        return spark.createDataFrame(out, SCHEMA).orderBy("campus_id");
    }

    private static Row fit(SparkSession spark, int campus, List<double[]> points, int target, double confidence) {
        int n = points.size();
        double meanYear = 0;
        for (double[] p : points) {
            meanYear += p[0] / n;
        }
        List<Row> rows = new ArrayList<>();
        for (double[] p : points) {
            rows.add(RowFactory.create(p[0] - meanYear, p[1]));
        }
        StructType schema = new StructType().add("year", DataTypes.DoubleType).add("enrolled", DataTypes.DoubleType);
        Dataset<Row> train = new VectorAssembler().setInputCols(new String[] {"year"}).setOutputCol("features")
                .transform(spark.createDataFrame(rows, schema));
        LinearRegressionModel model = new LinearRegression().setSolver("normal").setRegParam(0.0)
                .setFeaturesCol("features").setLabelCol("enrolled").fit(train);
        LinearRegressionTrainingSummary summary = model.summary();
        double x0 = target - meanYear;
        double predicted = model.intercept() + model.coefficients().apply(0) * x0;
        // MLlib's RMSE divides the residual sum of squares by n; the unbiased variance divides it by n - 2.
        double residualVariance = summary.rootMeanSquaredError() * summary.rootMeanSquaredError() * n / (n - 2);
        double[] se = summary.coefficientStandardErrors(); // [slope, intercept]
        double sd = Math.sqrt(residualVariance + se[1] * se[1] + x0 * x0 * se[0] * se[0]);
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + confidence / 2);
        return RowFactory.create(campus, target, round1(predicted), round1(Math.max(0, predicted - t * sd)),
                round1(predicted + t * sd), round1(model.coefficients().apply(0)), n, confidence);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
