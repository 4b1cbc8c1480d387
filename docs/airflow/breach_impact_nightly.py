"""breach-impact nightly recomputation (example DAG; docs/scheduling.md explains it).

One run a night at 02:00 UTC, one run at a time, the run date being the DAG's logical date.
The Spark connection `spark_breach_impact` holds the master (yarn, k8s://https://..., or
spark://host:7077) and, for Kubernetes, the container image in its extras.

Exit codes of the job (README, "Exit codes"): 0 ok; 1 anything else (retried); 2 bad config
or manifest and 4 another run holds the lock are not retried blindly: a person fixes the
config or finds out why the previous run is still going; 3 an input problem (a file that
cannot be read as its manifest says) needs a person too.
SparkSubmitOperator does not pass the driver's exit code through in cluster mode, so the
retry policy here is coarse: two retries, and the run log (lake table run_log) says why.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

OPENS = " ".join(
    [
        "-XX:+IgnoreUnrecognizedVMOptions",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false",
    ]
)

with DAG(
    dag_id="breach_impact_nightly",
    schedule="0 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,  # the job's own lock (exit 4) is the second line of defence
    default_args={"retries": 2, "retry_delay": timedelta(minutes=15)},
    tags=["breach-impact"],
) as dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_breach_impact",
        application="/opt/breach-impact/jobs/target/breach-impact-jobs-0.1.0-SNAPSHOT-spark-submit.jar",
        java_class="fr.breachimpact.cli.BreachImpact",
        name="breach-impact-nightly-{{ ds }}",
        deploy_mode="cluster",
        # Config and key travel with the job and are named by their base names; the config's
        # lake_dir and reports_dir are absolute hdfs: or s3a: URIs, and its
        # report.pseudonym_key_file is "pseudonym.key".
        files="/etc/breach-impact/config.json,/etc/breach-impact/pseudonym.key",
        application_args=["nightly", "--config", "config.json", "--run-date", "{{ ds }}"],
        driver_memory="4g",
        executor_memory="4g",
        num_executors=4,
        executor_cores=2,
        conf={
            "spark.driver.extraJavaOptions": OPENS,
            "spark.executor.extraJavaOptions": OPENS,
            # Kubernetes only (ignored elsewhere):
            "spark.kubernetes.container.image": "registry.example.org/breach-impact:0.1.0",
            "spark.kubernetes.file.upload.path": "s3a://breach-impact-staging/uploads",
        },
        execution_timeout=timedelta(hours=4),
    )
