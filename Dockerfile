# newsagree in a container: python:3.11-slim, every package from requirements.lock (exact pins, --no-deps),
# then newsagree's own wheel. Needs the network only for PyPI (and the base image).
#
#   docker build -t newsagree .
#   docker run --rm -v "$PWD/data:/data" newsagree                 # = newsagree run on /data/raw
#   docker run --rm -v "$PWD/data:/data" newsagree status
#   docker run --rm -v "$PWD/data:/data" newsagree report --out /data/report
#
# The mounted folder holds raw/ (the drops), and receives processed/ and warehouse.duckdb.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PIP_ROOT_USER_ACTION=ignore
WORKDIR /src
COPY requirements.lock ./
RUN python -m venv /opt/newsagree \
 && /opt/newsagree/bin/pip install --no-deps -r requirements.lock
COPY pyproject.toml setup.py README.md ./
COPY flows ./flows
COPY tasks ./tasks
COPY sql ./sql
RUN /opt/newsagree/bin/pip wheel --no-deps --no-build-isolation -w /tmp/dist . \
 && /opt/newsagree/bin/pip install --no-deps /tmp/dist/newsagree-*.whl \
 && /opt/newsagree/bin/pip check

FROM python:3.11-slim
COPY --from=build /opt/newsagree /opt/newsagree
ENV PATH=/opt/newsagree/bin:$PATH \
    NEWSAGREE_RAW_DIR=/data/raw \
    NEWSAGREE_PROCESSED_DIR=/data/processed \
    NEWSAGREE_WAREHOUSE=/data/warehouse.duckdb \
    PREFECT_HOME=/data/.prefect \
    PREFECT_SERVER_ANALYTICS_ENABLED=false
WORKDIR /data
VOLUME /data
ENTRYPOINT ["newsagree"]
CMD ["run"]
